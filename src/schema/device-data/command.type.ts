import { Field, Int, ObjectType } from 'type-graphql';
import { CommandStatus } from './command-status.enum';

@ObjectType({ description: 'What the platform answered for one device of a command.' })
export class CommandResult {
  @Field({ description: 'Product key of the device.' })
  productKey!: string;

  @Field({ description: 'Device key of the device.' })
  deviceKey!: string;

  @Field(() => CommandStatus, { description: 'Accepted, rejected, or unknown (no answer).' })
  status!: CommandStatus;

  @Field({ description: 'True when the platform accepted the command for this device.' })
  accepted!: boolean;

  @Field(() => Int, { nullable: true, description: 'Platform code: 200 accepted, else why not (e.g. 61002 offline); null when unknown.' })
  code!: number | null;

  @Field(() => String, { nullable: true, description: 'Ticket of the accepted command, as in the message log.' })
  ticket!: string | null;

  @Field(() => String, { nullable: true, description: 'Platform message for a rejection, or why the outcome is unknown.' })
  message!: string | null;
}

@ObjectType({ description: 'Per-device results of a command and a summary. Partial failure is normal: check every result.' })
export class CommandPayload {
  @Field(() => [CommandResult], { description: 'One result per addressed device, in input order (duplicates removed).' })
  results!: CommandResult[];

  @Field(() => Int, { description: 'Devices that accepted the command.' })
  acceptedCount!: number;

  @Field(() => Int, { description: 'Devices the platform rejected it for.' })
  rejectedCount!: number;

  @Field(() => Int, { description: 'Devices whose outcome is unknown.' })
  unknownCount!: number;

  @Field({ description: 'True when every device accepted the command.' })
  allAccepted!: boolean;
}
