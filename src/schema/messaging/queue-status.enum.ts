import { registerEnumType } from 'type-graphql';

export enum QueueStatus {
  NOT_ENABLED = 'NOT_ENABLED',
  ENABLED = 'ENABLED',
  SUSPENDED = 'SUSPENDED',
}
registerEnumType(QueueStatus, {
  name: 'QueueStatus',
  description: 'State of a message queue.',
  valuesConfig: {
    NOT_ENABLED: { description: 'Created; no subscription has started yet.' },
    ENABLED: { description: 'Receiving messages (a subscription into it was started).' },
    SUSPENDED: { description: 'Disabled by the platform, e.g. after 30 days without consumers.' },
  },
});
