import { registerEnumType } from 'type-graphql';

export enum SubscriptionLevel {
  PRODUCT = 'PRODUCT',
  DEVICE = 'DEVICE',
  SAAS = 'SAAS',
  END_USER_DOMAIN = 'END_USER_DOMAIN',
  OTHER = 'OTHER',
}
registerEnumType(SubscriptionLevel, {
  name: 'SubscriptionLevel',
  description: 'What a message subscription covers.',
  valuesConfig: {
    PRODUCT: { description: 'Every device of one product.' },
    DEVICE: { description: 'One device.' },
    SAAS: { description: 'Platform metadata events of the SaaS application (enterprise level).' },
    END_USER_DOMAIN: { description: 'End-user changes of one user domain (App).' },
    OTHER: { description: 'A level this service does not know yet.' },
  },
});
