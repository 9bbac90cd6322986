import type { AdminStore } from '../store/admin.store';
import type { Subscription } from '../store/admin.types';
import { msgTypeIds, type PushMessage } from './push-message';

/**
 * Full names of the queues a message goes to: those with a *started* subscription whose msgTypes and scope match
 * (§9.4). Each queue at most once, however many of its subscriptions match, in ascending queue id order.
 */
export function targetQueues(admin: AdminStore, message: PushMessage): string[] {
  const ids = msgTypeIds(message);
  const queueIds = new Set<number>();
  for (const sub of admin.subscriptions()) {
    if (sub.status === 1 && sub.msgTypes.some((t) => ids.includes(t)) && inScope(sub, message)) queueIds.add(sub.queueId);
  }
  return [...queueIds]
    .sort((a, b) => a - b)
    .map((id) => admin.queue(id)?.queueName)
    .filter((name): name is string => name !== undefined);
}

/**
 * Product and device subscriptions see their own devices; a SaaS one sees the whole account (its msgTypes are
 * 101–105 only, so the type check already keeps device traffic out); an end-user-domain one sees the users of its
 * domain, named by `data.endUserDomain` (§9.3 row 201).
 */
function inScope(sub: Subscription, message: PushMessage): boolean {
  switch (sub.kind) {
    case 'product':
      return message.productKey === sub.productKey;
    case 'device':
      return message.productKey === sub.productKey && message.deviceKey === sub.deviceKey;
    case 'saas':
      return true;
    case 'enduser':
      return endUserDomainOf(message) === sub.endUserDomain;
  }
}

function endUserDomainOf(message: PushMessage): unknown {
  const data = message.data;
  return data !== null && typeof data === 'object' ? (data as { endUserDomain?: unknown }).endUserDomain : undefined;
}
