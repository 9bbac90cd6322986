import { ArrayMaxSize, ArrayMinSize, IsInt, IsOptional, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { GraphQLJSON } from 'graphql-scalars';
import { Field, InputType, Int } from 'type-graphql';
import { RawEncoding } from './raw-encoding.enum';
import { DeviceRefInput } from '../devices/device-ref.input';

export { DeviceRefInput };

/** Devices one command may address; the platform publishes no limit for downlink calls [INFERRED]. */
export const MAX_COMMAND_DEVICES = 500;

@InputType({ description: 'How the platform delivers a command; defaults match the platform: no caching, QoS 1.' })
export class CommandOptionsInput {
  @Field({ defaultValue: false, description: 'Keep the command for an offline device and deliver it when the device connects (upstream `isCache`).' })
  cacheIfOffline: boolean = false;

  @Field(() => Int, { nullable: true, description: 'Seconds a cached command stays deliverable (upstream `cacheTime`); platform default 600.' })
  @IsOptional()
  @IsInt()
  @Min(1, { message: 'cacheSeconds must be at least 1' })
  cacheSeconds?: number | null;

  @Field({ defaultValue: false, description: 'Replace a command cached earlier for the same device (upstream `isCover`).' })
  replaceCached: boolean = false;

  @Field(() => Int, { nullable: true, description: 'MQTT QoS of the delivery, 0 to 2; platform default 1.' })
  @IsOptional()
  @IsInt()
  @Min(0, { message: 'qos must be 0, 1 or 2' })
  @Max(2, { message: 'qos must be 0, 1 or 2' })
  qos?: number | null;
}

@InputType({ description: 'A value for a property or a service input, by code.' })
export class CodeValueInput {
  @Field({ description: 'Property or input parameter code.' })
  @MaxLength(128)
  code!: string;

  @Field(() => GraphQLJSON, {
    description:
      'The value as JSON, checked against the thing model: BOOL a boolean; INT/FLOAT/DOUBLE a number in range and on ' +
      'step; ENUM an integer member; TEXT a string within its byte length; DATE epoch milliseconds or an ISO-8601 ' +
      'string; RAW hex text; STRUCT an object keyed by field code; ARRAY an array of element values.',
  })
  value!: unknown;
}

/** Fields every command input shares; not an input type of its own. */
@InputType()
abstract class CommandTargetInput {
  @Field(() => [DeviceRefInput], {
    description: `Devices to address, 1 to ${MAX_COMMAND_DEVICES}; they may span products (one upstream call per product).`,
  })
  @ArrayMinSize(1, { message: 'devices must name at least one device' })
  @ArrayMaxSize(MAX_COMMAND_DEVICES, { message: `devices may name at most ${MAX_COMMAND_DEVICES} devices` })
  @ValidateNested({ each: true })
  devices!: DeviceRefInput[];

  @Field(() => CommandOptionsInput, { nullable: true, description: 'Delivery options.' })
  @IsOptional()
  @ValidateNested()
  options?: CommandOptionsInput | null;
}

@InputType({ description: 'Set thing-model properties on devices.' })
export class WritePropertiesInput extends CommandTargetInput {
  @Field(() => [CodeValueInput], { description: 'Properties to set; each code once, none read-only.' })
  @ArrayMinSize(1, { message: 'properties must name at least one property' })
  @ValidateNested({ each: true })
  properties!: CodeValueInput[];
}

@InputType({ description: 'Invoke a thing-model service on devices.' })
export class InvokeServiceInput extends CommandTargetInput {
  @Field({ description: 'Service code.' })
  @MaxLength(128)
  service!: string;

  @Field(() => [CodeValueInput], { defaultValue: [], description: 'Input parameters of the service, by code.' })
  @ValidateNested({ each: true })
  inputs!: CodeValueInput[];
}

@InputType({ description: 'Ask devices to report property values now; the values arrive later in the message log.' })
export class RequestPropertiesInput extends CommandTargetInput {
  @Field(() => [String], { description: 'Codes of the properties to report; none write-only.' })
  @ArrayMinSize(1, { message: 'codes must name at least one property' })
  codes!: string[];
}

@InputType({ description: 'Send a transparent (raw) payload to devices.' })
export class SendRawDataInput extends CommandTargetInput {
  @Field({ description: 'The payload, written as `encoding` says; at most 4096 characters.' })
  payload!: string;

  @Field(() => RawEncoding, { description: 'HEX or TEXT.' })
  encoding!: RawEncoding;
}
