import { Field, Int, ObjectType } from 'type-graphql';

/** What `DeviceCounts` fields resolve from: the product whose devices they count. */
export interface DeviceCountsSource {
  productKey: string;
}

@ObjectType({
  description:
    "How many devices a product has, by state. Each count is the platform list's total for that filter: free when a " +
    'page of the same list is read in the same request (e.g. `devices(status: ONLINE)`), else one call per count; ' +
    '`offline` costs nothing when `total` and `online` are asked for too. Counts read in separate calls are not one snapshot.',
})
export class DeviceCounts {
  @Field(() => Int, { description: 'All devices of the product.' })
  total!: number;

  @Field(() => Int, { description: 'Devices connected now.' })
  online!: number;

  @Field(() => Int, { description: 'Devices not connected now.' })
  offline!: number;

  @Field(() => Int, { description: 'Devices that have been activated (connected at least once).' })
  activated!: number;
}
