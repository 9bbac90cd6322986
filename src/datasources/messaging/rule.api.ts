import type { PlatformClient } from '../platform/platform-client';
import { toPage, type Page, type PageRequest } from '../platform/page';
import type {
  DeviceSubscriptionRequest,
  QueueDetailDto,
  QueueListFilter,
  QueueRowDto,
  SubscriptionDetailDto,
  SubscriptionListFilter,
  SubscriptionRowDto,
  SubscriptionUpdate,
} from './rule.dto';

/** `{version}` is a required path parameter; r1 is its only documented value (reference §6.6). */
const PREFIX = '/v2/quecrule/r1/openapi';

/** The quecrule lists accept pageSize 1..100 and answer 50005 beyond (reference §4). */
export const RULE_MAX_PAGE_SIZE = 100;

/**
 * Message queues and subscription rules (reference §6.6). Every method throws UpstreamError; the documented
 * limits arrive as codes (16007 queues, 16018 rules, 16019-16022 state rules, 16008 queue in use).
 */
export interface RuleApi {
  createQueue(queueName: string, queueDesc?: string): Promise<QueueRowDto>;
  deleteQueue(queueId: number): Promise<void>;
  clearQueue(queueId: number): Promise<void>;
  /** `page.pageSize` must be 1..RULE_MAX_PAGE_SIZE. */
  listQueues(filter: QueueListFilter, page: PageRequest): Promise<Page<QueueRowDto>>;
  getQueue(queueId: number): Promise<QueueDetailDto>;
  /** @returns the new subscription id */
  createDeviceSubscription(request: DeviceSubscriptionRequest): Promise<number>;
  createSaasSubscription(subscribeName: string, queueName: string, msgTypes: number[]): Promise<number>;
  createEndUserSubscription(subscribeName: string, queueName: string, endUserDomain: string, msgTypes: number[]): Promise<number>;
  updateSubscription(update: SubscriptionUpdate): Promise<void>;
  deleteSubscription(subscribeId: number): Promise<void>;
  startSubscription(subscribeId: number): Promise<void>;
  stopSubscription(subscribeId: number): Promise<void>;
  listSubscriptions(filter: SubscriptionListFilter, page: PageRequest): Promise<Page<SubscriptionRowDto>>;
  getSubscription(subscribeId: number): Promise<SubscriptionDetailDto>;
}

export class HttpRuleApi implements RuleApi {
  constructor(private readonly client: PlatformClient) {}

  async createQueue(queueName: string, queueDesc?: string): Promise<QueueRowDto> {
    const response = await this.client.request<QueueRowDto>({
      endpoint: 'queue.create',
      method: 'POST',
      path: `${PREFIX}/queue/create`,
      body: { queueName, queueDesc },
    });
    return response.data;
  }

  async deleteQueue(queueId: number): Promise<void> {
    await this.client.request({ endpoint: 'queue.delete', method: 'DELETE', path: `${PREFIX}/queue/delete`, query: { queueId } });
  }

  async clearQueue(queueId: number): Promise<void> {
    // Query parameter with an empty body (reference §6.6).
    await this.client.request({ endpoint: 'queue.clear', method: 'POST', path: `${PREFIX}/queue/clear`, query: { queueId } });
  }

  async listQueues(filter: QueueListFilter, { pageNum, pageSize }: PageRequest): Promise<Page<QueueRowDto>> {
    const response = await this.client.request<QueueRowDto[]>({
      endpoint: 'queue.list',
      method: 'POST',
      path: `${PREFIX}/queue/list`,
      body: { ...filter, pageNum, pageSize },
    });
    return toPage(response);
  }

  async getQueue(queueId: number): Promise<QueueDetailDto> {
    const response = await this.client.request<QueueDetailDto>({
      endpoint: 'queue.detail',
      method: 'GET',
      path: `${PREFIX}/queue/detail`,
      query: { queueId },
    });
    return response.data;
  }

  async createDeviceSubscription(request: DeviceSubscriptionRequest): Promise<number> {
    return this.create('subscribe.create', 'create', request);
  }

  async createSaasSubscription(subscribeName: string, queueName: string, msgTypes: number[]): Promise<number> {
    return this.create('subscribe.saas', 'saas', { subscribeName, queueName, msgTypes });
  }

  async createEndUserSubscription(subscribeName: string, queueName: string, endUserDomain: string, msgTypes: number[]): Promise<number> {
    return this.create('subscribe.enduser', 'enduser', { subscribeName, queueName, endUserDomain, msgTypes });
  }

  async updateSubscription(update: SubscriptionUpdate): Promise<void> {
    await this.client.request({ endpoint: 'subscribe.update', method: 'POST', path: `${PREFIX}/subscribe/update`, body: update });
  }

  async deleteSubscription(subscribeId: number): Promise<void> {
    await this.client.request({ endpoint: 'subscribe.delete', method: 'DELETE', path: `${PREFIX}/subscribe/delete`, query: { subscribeId } });
  }

  async startSubscription(subscribeId: number): Promise<void> {
    await this.client.request({ endpoint: 'subscribe.start', method: 'POST', path: `${PREFIX}/subscribe/start`, query: { subscribeId } });
  }

  async stopSubscription(subscribeId: number): Promise<void> {
    await this.client.request({ endpoint: 'subscribe.stop', method: 'POST', path: `${PREFIX}/subscribe/stop`, query: { subscribeId } });
  }

  async listSubscriptions(filter: SubscriptionListFilter, { pageNum, pageSize }: PageRequest): Promise<Page<SubscriptionRowDto>> {
    const response = await this.client.request<SubscriptionRowDto[]>({
      endpoint: 'subscribe.list',
      method: 'POST',
      path: `${PREFIX}/subscribe/list`,
      body: { ...filter, pageNum, pageSize },
    });
    return toPage(response);
  }

  async getSubscription(subscribeId: number): Promise<SubscriptionDetailDto> {
    const response = await this.client.request<SubscriptionDetailDto>({
      endpoint: 'subscribe.detail',
      method: 'GET',
      path: `${PREFIX}/subscribe/detail`,
      query: { subscribeId },
    });
    return response.data;
  }

  private async create(endpoint: string, action: string, body: object): Promise<number> {
    const response = await this.client.request<{ subscribeId: number }>({ endpoint, method: 'POST', path: `${PREFIX}/subscribe/${action}`, body });
    return Number(response.data.subscribeId);
  }
}
