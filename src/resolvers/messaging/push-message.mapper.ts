import type { PushedDeviceMessage } from '../../schema/messaging/push-message.type';
import type { PushEvent } from '../../push/push-hub';

/**
 * One pushed event -> the GraphQL object. Devices are handed over by key alone, so their detail fields load through
 * the per-event loaders only when selected.
 */
export function toPushedDeviceMessage({ message, droppedBefore }: PushEvent): PushedDeviceMessage {
  const { productKey, deviceKey, gateway } = message;
  return {
    type: message.type,
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
  };
}
