import { registerEnumType } from 'type-graphql';

export enum GroupTaskStatus {
  WAITING = 'WAITING',
  RUNNING = 'RUNNING',
  FINISHED = 'FINISHED',
  FAILED = 'FAILED',
  UNKNOWN = 'UNKNOWN',
}
registerEnumType(GroupTaskStatus, {
  name: 'GroupTaskStatus',
  description: 'State of a group control task (platform codes 0-3, inferred).',
  valuesConfig: {
    WAITING: { description: 'Queued (0).' },
    RUNNING: { description: 'Sending to the devices (1).' },
    FINISHED: { description: 'Done (2); see succeeded and failed.' },
    FAILED: { description: 'The task failed as a whole (3).' },
    UNKNOWN: { description: 'A state this service does not know yet.' },
  },
});
