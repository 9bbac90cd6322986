import { MESSAGE_TYPE_IDS, MessageType } from '../../schema/messaging/message-type.enum';
import { QueueStatus } from '../../schema/messaging/queue-status.enum';
import { SubscriptionLevel } from '../../schema/messaging/subscription-level.enum';
import { SubscriptionStatus } from '../../schema/messaging/subscription-status.enum';
import type { MessageQueue } from '../../schema/messaging/message-queue.type';
import type { MessageSubscription } from '../../schema/messaging/message-subscription.type';
import type { QueueDetailDto, QueueRowDto, SubscriptionDetailDto, SubscriptionRowDto } from '../../datasources/messaging/rule.dto';
import { toDate } from '../../datasources/platform/time';

const queueStatuses: Record<number, QueueStatus> = { 0: QueueStatus.NOT_ENABLED, 1: QueueStatus.ENABLED, 2: QueueStatus.SUSPENDED };
/** subscribe/list `subscribeLevel` (reference §5); 5 is our reading for end-user-domain rules [INFERRED]. */
const listLevels: Record<number, SubscriptionLevel> = {
  1: SubscriptionLevel.PRODUCT,
  3: SubscriptionLevel.DEVICE,
  5: SubscriptionLevel.END_USER_DOMAIN,
  6: SubscriptionLevel.SAAS,
};
/** subscribe/detail `dataLevel` (reference §6.6); 4 "enterprise user" is what SaaS-level rules report (§11.4 [INFERRED]). */
const detailLevels: Record<number, SubscriptionLevel> = {
  1: SubscriptionLevel.PRODUCT,
  2: SubscriptionLevel.DEVICE,
  4: SubscriptionLevel.SAAS,
  5: SubscriptionLevel.END_USER_DOMAIN,
};

const typesById = new Map<number, MessageType>(
  Object.entries(MESSAGE_TYPE_IDS).map(([name, id]) => [id, MessageType[name as keyof typeof MessageType]]),
);

export function toMessageTypeId(type: MessageType): number {
  return MESSAGE_TYPE_IDS[type];
}

/** `msgType` is comma-separated ids, e.g. "1,2,12" (reference §6.6); ids we do not know are dropped. */
export function toMessageTypes(msgType: string | null | undefined): MessageType[] {
  return (msgType ?? '')
    .split(',')
    .map((part) => typesById.get(Number(part.trim())))
    .filter((type): type is MessageType => type !== undefined);
}

function toQueueStatus(code: number): QueueStatus {
  return queueStatuses[code] ?? QueueStatus.NOT_ENABLED;
}

export function toMessageQueue(dto: QueueRowDto): MessageQueue {
  return {
    id: String(dto.id),
    name: dto.queueName,
    description: dto.queueDesc || null,
    status: toQueueStatus(dto.status),
    free: dto.isFree === null || dto.isFree === undefined ? null : dto.isFree === 1,
    createdAt: toDate(dto.createTime),
  };
}

export function toMessageQueueFromDetail(dto: QueueDetailDto): MessageQueue {
  return {
    id: String(dto.queueId),
    name: dto.queueName,
    description: dto.queueDesc || null,
    status: toQueueStatus(dto.status),
    free: null,
    createdAt: toDate(dto.createTime),
    backlog: { messageCount: dto.msgNum ?? null, size: dto.msgSize || null, consumeRate: dto.consumeRate || null },
    connectUrl: dto.connectUrl || null,
  };
}

function toStatus(code: number): SubscriptionStatus {
  return code === 1 ? SubscriptionStatus.RUNNING : SubscriptionStatus.STOPPED;
}

export function toMessageSubscription(dto: SubscriptionRowDto): MessageSubscription {
  return {
    id: String(dto.subscribeId),
    name: dto.subscribeName,
    status: toStatus(dto.status),
    level: listLevels[dto.subscribeLevel ?? -1] ?? SubscriptionLevel.OTHER,
    queueId: String(dto.queueId),
    queueName: dto.queueName,
    createdAt: toDate(dto.createTime),
  };
}

export function toMessageSubscriptionFromDetail(dto: SubscriptionDetailDto): MessageSubscription {
  return {
    id: String(dto.subscribeId),
    name: dto.subscribeName,
    status: toStatus(dto.status),
    level: detailLevels[dto.dataLevel] ?? SubscriptionLevel.OTHER,
    queueId: String(dto.queueId),
    queueName: dto.queueName,
    createdAt: toDate(dto.createTime),
    detail: {
      messageTypes: toMessageTypes(dto.msgType),
      productKey: dto.productKey || null,
      deviceKey: dto.deviceKey || null,
      userDomain: dto.endUserDomain || null,
      updatedAt: toDate(dto.updateTime),
    },
  };
}
