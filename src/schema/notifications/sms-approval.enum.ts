import { registerEnumType } from 'type-graphql';

export enum SmsApproval {
  PENDING = 'PENDING',
  APPROVED = 'APPROVED',
  REJECTED = 'REJECTED',
  UNKNOWN = 'UNKNOWN',
}
registerEnumType(SmsApproval, {
  name: 'SmsApproval',
  description: 'Review state of an SMS signature or template at the provider (platform codes 0-2, inferred).',
  valuesConfig: {
    PENDING: { description: 'Under review (0).' },
    APPROVED: { description: 'Approved (1).' },
    REJECTED: { description: 'Rejected (2).' },
    UNKNOWN: { description: 'A state this service does not know yet.' },
  },
});
