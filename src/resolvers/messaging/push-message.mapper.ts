import type { PushedDeviceMessage } from '../../schema/messaging/push-message.type';
import type { PushEvent } from '../../push/push-hub';
import type { PushMessage } from '../../push/push-message';
import { SUBSCRIPTION_TYPE_OF } from '../../schema/messaging/push-message-type.enum';

/**
 * One pushed event -> the GraphQL object. Devices are handed over by key alone, so their detail fields load through
 * the per-event loaders only when selected.
 */
/** The GraphQL object, with the parsed message it came from for the decoding field resolvers (`values`, `event`). */
export type PushedDeviceMessageSource = PushedDeviceMessage & { message: PushMessage };

export function toPushedDeviceMessage({ message, droppedBefore }: PushEvent): PushedDeviceMessageSource {
  const { productKey, deviceKey, gateway } = message;
  return {
    type: message.type,
    messageType: SUBSCRIPTION_TYPE_OF[message.type],
    platformType: message.platformType,
    platformSubtype: message.platformSubtype,
    operation: message.operation,
    ticket: message.ticket,
    productKey,
    deviceKey,
    device: productKey && deviceKey ? { productKey, deviceKey } : null,
    gateway: gateway ? { productKey: gateway.productKey, deviceKey: gateway.deviceKey } : null,
    createdAt: new Date(message.createdAt),
    occurredAt: new Date(message.occurredAt ?? message.createdAt),
    data: message.data,
    extra: message.extra,
    droppedBefore,
    message,
  };
}
