import type { PlatformClient } from '../platform/platform-client';
import type { ProductDto } from './product.dto';
import type { TslDocumentDto } from './thing-model.dto';
import { toPage, type Page, type PageRequest } from '../platform/page';

export interface ProductApi {
  listProducts(page: PageRequest): Promise<Page<ProductDto>>;
  /** @throws UpstreamError NOT_FOUND (70017) for an unknown product */
  getProduct(productKey: string): Promise<ProductDto>;
  /** @throws UpstreamError NOT_FOUND (70017, 70097 empty TSL) */
  getThingModel(productKey: string): Promise<TslDocumentDto>;
}

/** Products and thing models (reference §6.1, §6.2). */
export class HttpProductApi implements ProductApi {
  constructor(private readonly client: PlatformClient) {}

  async listProducts({ pageNum, pageSize }: PageRequest): Promise<Page<ProductDto>> {
    const response = await this.client.request<ProductDto[]>({
      endpoint: 'product.list',
      method: 'GET',
      path: '/v2/quecproductmgr/r3/openapi/products',
      query: { pageNum, pageSize },
    });
    return toPage(response);
  }

  async getProduct(productKey: string): Promise<ProductDto> {
    const response = await this.client.request<ProductDto>({
      endpoint: 'product.detail',
      method: 'GET',
      path: '/v2/quecproductmgr/r3/openapi/product/detail',
      query: { productKey },
    });
    return response.data;
  }

  async getThingModel(productKey: string): Promise<TslDocumentDto> {
    const response = await this.client.request<TslDocumentDto>({
      endpoint: 'tsl.export',
      method: 'GET',
      path: '/v2/quectsl/openapi/product/export/tslFile',
      query: { productKey },
    });
    return response.data ?? {};
  }
}
