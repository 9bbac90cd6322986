import { registerEnumType } from 'type-graphql';

export enum GroupCommandType {
  PROPERTY = 'PROPERTY',
  SERVICE = 'SERVICE',
  PASSTHROUGH = 'PASSTHROUGH',
}
registerEnumType(GroupCommandType, {
  name: 'GroupCommandType',
  description: 'What a group control task sends to every device of the group.',
  valuesConfig: {
    PROPERTY: { description: 'Thing-model property values (JSON).' },
    SERVICE: { description: 'A thing-model service call (JSON).' },
    PASSTHROUGH: { description: 'Transparent bytes.' },
  },
});
