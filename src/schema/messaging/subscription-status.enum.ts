import { registerEnumType } from 'type-graphql';

export enum SubscriptionStatus {
  STOPPED = 'STOPPED',
  RUNNING = 'RUNNING',
}
registerEnumType(SubscriptionStatus, {
  name: 'SubscriptionStatus',
  description: 'Whether a message subscription is pushing messages. New subscriptions start STOPPED.',
  valuesConfig: {
    STOPPED: { description: 'Not pushing; may be changed or deleted.' },
    RUNNING: { description: 'Pushing into its queue; stop it before changing or deleting it.' },
  },
});
