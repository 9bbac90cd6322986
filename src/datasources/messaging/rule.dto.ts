// Message subscription management (reference §6.6). Envelope A; times are epoch ms, as numeric strings in
// queue/create and queue/list, as numbers in the detail calls and subscribe/list.

/** queue/create ("CreateQueueResponse") and queue/list ("QbQueue") rows. */
export interface QueueRowDto {
  id: number;
  /** Full name `a.<identifierId>.<name>`. */
  queueName: string;
  queueDesc?: string | null;
  /** 0 not enabled, 1 enabled, 2 suspended */
  status: number;
  isFree?: number | null;
  createTime?: string | number | null;
  updateTime?: string | number | null;
}

/** queue/detail ("QueueDetailDTO"). */
export interface QueueDetailDto {
  queueId: number;
  queueName: string;
  queueDesc?: string | null;
  status: number;
  msgNum?: number | null;
  msgSize?: string | null;
  consumeRate?: string | null;
  connectUrl?: string | null;
  createTime?: string | number | null;
  updateTime?: string | number | null;
}

/** subscribe/list row ("SubscribeRuleDTO"); `queueId` is a string here. */
export interface SubscriptionRowDto {
  subscribeId: number;
  subscribeName: string;
  queueId: string | number;
  queueName: string;
  status: number;
  /** 1 product, 3 device, 6 SaaS */
  subscribeLevel?: number | null;
  projectId?: number | null;
  projectName?: string | null;
  createTime?: string | number | null;
}

/** subscribe/detail ("OpenApiSubscribeDetailDTO"); `msgType` is comma-separated ids. */
export interface SubscriptionDetailDto {
  subscribeId: number;
  subscribeName: string;
  /** 1 product, 2 device, 4 enterprise user, 5 end-user domain */
  dataLevel: number;
  msgType?: string | null;
  queueId: number;
  queueName: string;
  productKey?: string | null;
  deviceKey?: string | null;
  endUserDomain?: string | null;
  status: number;
  createTime?: string | number | null;
  updateTime?: string | number | null;
}

export interface QueueListFilter {
  queueName?: string;
  status?: number;
}

export interface SubscriptionListFilter {
  queueName?: string;
  subscribeName?: string;
  status?: number;
}

/** Body of subscribe/create (product or device level). */
export interface DeviceSubscriptionRequest {
  subscribeName: string;
  queueName: string;
  productKey: string;
  /** 1 product, 2 device */
  dataLevel: 1 | 2;
  deviceKey?: string;
  msgTypes: number[];
}

export interface SubscriptionUpdate {
  subscribeId: number;
  subscribeName?: string;
  queueName?: string;
  msgTypes?: number[];
}
