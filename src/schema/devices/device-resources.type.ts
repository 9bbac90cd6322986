import { Field, Float, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: "A device's module status: power, radio, SIM and firmware, as last reported." })
export class DeviceResources {
  @Field(() => Float, { nullable: true, description: 'Battery level, percent.' })
  battery!: number | null;

  @Field(() => Float, { nullable: true, description: 'Supply voltage, volts.' })
  voltage!: number | null;

  @Field(() => Int, { nullable: true, description: 'Signal strength (CSQ or dBm, as the module reports it).' })
  signalStrength!: number | null;

  @Field(() => Float, { nullable: true, description: 'Free memory, bytes.' })
  memoryFree!: number | null;

  @Field(() => Int, { nullable: true, description: 'Reference signal received power, dBm.' })
  rsrp!: number | null;

  @Field(() => Int, { nullable: true, description: 'Reference signal received quality, dB.' })
  rsrq!: number | null;

  @Field(() => Int, { nullable: true, description: 'Signal-to-noise ratio, dB.' })
  snr!: number | null;

  @Field(() => String, { nullable: true, description: 'Module model, e.g. EC200U.' })
  moduleType!: string | null;

  @Field(() => Float, { nullable: true, description: 'Serving cell id.' })
  cellId!: number | null;

  @Field(() => String, { nullable: true, description: 'SIM ICCID.' })
  iccid!: string | null;

  @Field(() => Int, { nullable: true, description: 'Mobile country code.' })
  mcc!: number | null;

  @Field(() => Int, { nullable: true, description: 'Mobile network code.' })
  mnc!: number | null;

  @Field(() => Float, { nullable: true, description: 'Location area code.' })
  lac!: number | null;

  @Field(() => String, { nullable: true, description: 'Phone number of the SIM.' })
  phoneNumber!: string | null;

  @Field(() => String, { nullable: true, description: 'SIM number (IMSI).' })
  simNumber!: string | null;

  @Field(() => [String], { description: 'Positioning methods the device supports, e.g. LBS, GGA.' })
  locators!: string[];

  @Field(() => String, { nullable: true, description: 'Communication protocol version.' })
  communicationProtocolVersion!: string | null;

  @Field(() => String, { nullable: true, description: 'Data protocol version.' })
  dataProtocolVersion!: string | null;

  @Field(() => String, { nullable: true, description: 'Device SDK version.' })
  sdkVersion!: string | null;

  @Field(() => String, { nullable: true, description: 'Module firmware version.' })
  firmwareVersion!: string | null;

  @Field(() => String, { nullable: true, description: 'MCU firmware version.' })
  mcuVersion!: string | null;

  @Field(() => Int, { nullable: true, description: 'Networking capability bitmask.' })
  capabilitiesBitmask!: number | null;

  @Field(() => Boolean, { nullable: true, description: 'Whether device logging is enabled.' })
  logEnabled!: boolean | null;

  @Field(() => String, { nullable: true, description: 'Device log level.' })
  logLevel!: string | null;

  @Field(() => String, { nullable: true, description: 'Serial number as the module reports it.' })
  serialNumber!: string | null;

  @Field(() => Date, { nullable: true, description: 'When the device first reported its status.' })
  firstReportedAt!: Date | null;

  @Field(() => Date, { nullable: true, description: 'When the status was last updated.' })
  updatedAt!: Date | null;
}
