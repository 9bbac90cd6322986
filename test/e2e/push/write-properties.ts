import type { Device } from '../../../simulator';

/** The mutation whose command and acknowledgement the push specs follow onto the subscription. */
export const WRITE_PROPERTIES = `mutation($input: WritePropertiesInput!) {
  writeDeviceProperties(input: $input) { acceptedCount results { deviceKey accepted ticket } }
}`;

/** A device as the graph's inputs and push messages name it. */
export const deviceRef = (device: Device) => ({ productKey: device.productKey, deviceKey: device.deviceKey });
