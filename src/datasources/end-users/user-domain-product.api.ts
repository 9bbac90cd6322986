import type { PlatformClient } from '../platform/platform-client';
import { toPageFromPageInfo, type Page, type PageInfoDto, type PageRequest } from '../platform/page';

// Product authorization of user domains (reference §11.8). Only the endpoint names and methods are published:
// the base path (`QUEC_PATH_END_USER_ADMIN`), envelope B, the `userDomain`/`productKey` parameters and the row
// shapes are [INFERRED].

/** A product authorized to a user domain: its key and name; the rest of the product loads by key. */
export interface DomainProductDto {
  productKey: string;
  productId?: number | null;
  productName?: string | null;
  authTime?: number | null;
}

/** A user domain a product is authorized to: its domain string and id; the rest loads from the domain list. */
export interface ProductDomainDto {
  userDomain: string;
  userDomainId?: number | null;
  authTime?: number | null;
}

/** Every method throws UpstreamError. */
export interface UserDomainProductApi {
  /** @throws UpstreamError NOT_FOUND (5015) for an unknown user domain */
  listDomainProducts(userDomain: string, page: PageRequest): Promise<Page<DomainProductDto>>;
  /** @throws UpstreamError NOT_FOUND (70017) for an unknown product */
  listProductDomains(productKey: string, page: PageRequest): Promise<Page<ProductDomainDto>>;
  /** @throws UpstreamError BAD_USER_INPUT (5227) when already authorized, (5224-5226) when the domain's type refuses it */
  authorize(userDomain: string, productKey: string): Promise<void>;
  /** @throws UpstreamError NOT_FOUND (5229) when the product is not authorized to the domain */
  revoke(userDomain: string, productKey: string): Promise<void>;
}

/** Envelope-B lists page with `page` and `pageSize` query parameters (reference §4). */
const pageQuery = ({ pageNum, pageSize }: PageRequest) => ({ page: pageNum, pageSize });

export class HttpUserDomainProductApi implements UserDomainProductApi {
  constructor(
    private readonly client: PlatformClient,
    private readonly basePath: string,
  ) {}

  async listDomainProducts(userDomain: string, page: PageRequest): Promise<Page<DomainProductDto>> {
    const response = await this.client.request<PageInfoDto<DomainProductDto>>({
      endpoint: 'enduser.domainProductAuthList',
      method: 'GET',
      path: `${this.basePath}/userDomainProductAuthList`,
      query: { userDomain, ...pageQuery(page) },
    });
    return toPageFromPageInfo(response.data);
  }

  async listProductDomains(productKey: string, page: PageRequest): Promise<Page<ProductDomainDto>> {
    const response = await this.client.request<PageInfoDto<ProductDomainDto & { userDomainSecret?: unknown }>>({
      endpoint: 'enduser.productAuthDomainList',
      method: 'GET',
      path: `${this.basePath}/productAuthUserDomainList`,
      query: { productKey, ...pageQuery(page) },
    });
    const { rows, total } = toPageFromPageInfo(response.data);
    // Should the real rows be full user-domain rows, they carry the App's signing secret (as entUserDomainList
    // does, reference §6.7); it is dropped here, before anything can keep or print it.
    return { rows: rows.map(({ userDomainSecret: _secret, ...row }) => row), total };
  }

  async authorize(userDomain: string, productKey: string): Promise<void> {
    await this.client.request({
      endpoint: 'enduser.addDomainProductAuth',
      method: 'POST',
      path: `${this.basePath}/addUserDomainProductAuth`,
      body: { userDomain, productKey },
    });
  }

  async revoke(userDomain: string, productKey: string): Promise<void> {
    await this.client.request({
      endpoint: 'enduser.deleteDomainProductAuth',
      method: 'DELETE',
      path: `${this.basePath}/deleteUserDomainProductAuth`,
      query: { userDomain, productKey },
    });
  }
}
