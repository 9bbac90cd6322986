import DataLoader from 'dataloader';
import type { Page } from '../platform/page';
import { perKey, settleEach } from '../platform/per-key';
import { RULE_MAX_PAGE_SIZE, type RuleApi } from './rule.api';
import type { QueueDetailDto, QueueListFilter, QueueRowDto, SubscriptionDetailDto, SubscriptionListFilter, SubscriptionRowDto } from './rule.dto';

export interface QueuePageKey extends QueueListFilter {
  pageNum: number;
}

export interface SubscriptionPageKey extends SubscriptionListFilter {
  pageNum: number;
}

export interface RuleLoaders {
  queuePage: DataLoader<QueuePageKey, Page<QueueRowDto>, string>;
  /** queue/detail by queue id; null for an unknown queue (16002). */
  queueById: DataLoader<number, QueueDetailDto | null>;
  subscriptionPage: DataLoader<SubscriptionPageKey, Page<SubscriptionRowDto>, string>;
  /** subscribe/detail by id; null for an unknown rule (16011). */
  subscriptionById: DataLoader<number, SubscriptionDetailDto | null>;
}

/** Rows per quecrule list call: our page size, capped at what the platform accepts (reference §4). */
export function rulePageSize(pageSize: number): number {
  return Math.min(pageSize, RULE_MAX_PAGE_SIZE);
}

const keyOf = (key: QueuePageKey | SubscriptionPageKey) => JSON.stringify(Object.entries(key).sort(([a], [b]) => a.localeCompare(b)));

export function createRuleLoaders(api: RuleApi, pageSize: number): RuleLoaders {
  const size = rulePageSize(pageSize);
  const queueById = new DataLoader<number, QueueDetailDto | null>((ids) => perKey(ids, (id) => api.getQueue(id)));
  const subscriptionById = new DataLoader<number, SubscriptionDetailDto | null>((ids) => perKey(ids, (id) => api.getSubscription(id)));
  // List rows and detail rows have different shapes (reference §6.6), so lists do not prime the detail loaders.
  const queuePage: RuleLoaders['queuePage'] = new DataLoader<QueuePageKey, Page<QueueRowDto>, string>(
    (keys) => settleEach(keys, ({ pageNum, ...filter }) => api.listQueues(filter, { pageNum, pageSize: size })),
    { cacheKeyFn: keyOf },
  );
  const subscriptionPage: RuleLoaders['subscriptionPage'] = new DataLoader<SubscriptionPageKey, Page<SubscriptionRowDto>, string>(
    (keys) => settleEach(keys, ({ pageNum, ...filter }) => api.listSubscriptions(filter, { pageNum, pageSize: size })),
    { cacheKeyFn: keyOf },
  );
  return { queuePage, queueById, subscriptionPage, subscriptionById };
}
