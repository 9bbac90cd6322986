import type { PlatformClient } from '../platform/platform-client';
import { toPageFromPageInfo, type Page, type PageInfoDto, type PageRequest } from '../platform/page';
import type { BoundUserDto, BoundUserFilter, EndUserDto, UserDeviceDto, UserDomainDto } from './end-user.dto';

const ENDUSER = '/v2/enduser/enterpriseapi';
const BINDING = '/v2/binding/enterpriseapi';

/** Envelope-B lists page with `page` and `pageSize` query parameters (reference §4). */
const pageQuery = ({ pageNum, pageSize }: PageRequest) => ({ page: pageNum, pageSize });

/** End users, user domains and bindings (reference §6.7, §11.5). Every method throws UpstreamError. */
export interface EndUserApi {
  listUserDomains(page: PageRequest): Promise<Page<UserDomainDto>>;
  /** @throws UpstreamError NOT_FOUND (5015) for an unknown domain */
  listDomainUsers(userDomain: string, page: PageRequest): Promise<Page<EndUserDto>>;
  /** @throws UpstreamError NOT_FOUND (5033) for an unknown user */
  getUser(uid: string): Promise<EndUserDto>;
  /** A GET that writes (reference §6.7). */
  setUserStatus(uid: string, status: 0 | 1): Promise<void>;
  listUserDevices(uid: string, page: PageRequest): Promise<Page<UserDeviceDto>>;
  listBoundUsers(filter: BoundUserFilter, page: PageRequest): Promise<Page<BoundUserDto>>;
  /** Users bound to one device, at the inferred `deviceUserList` path (reference §11.5 [INFERRED]). */
  listDeviceUsers(productKey: string, deviceKey: string, page: PageRequest): Promise<Page<BoundUserDto>>;
  /** Checks a binding code without binding (isBinding 0); `data` is an undocumented int (reference §12 q5). */
  verifyBindingCode(productKey: string, deviceKey: string, bindingCode: string): Promise<number>;
}

export class HttpEndUserApi implements EndUserApi {
  constructor(
    private readonly client: PlatformClient,
    private readonly deviceUserListPath: string,
  ) {}

  async listUserDomains(page: PageRequest): Promise<Page<UserDomainDto>> {
    const response = await this.client.request<PageInfoDto<UserDomainDto & { userDomainSecret?: unknown }>>({
      endpoint: 'enduser.domainList',
      method: 'GET',
      path: `${ENDUSER}/entUserDomainList`,
      query: pageQuery(page),
    });
    const { rows, total } = toPageFromPageInfo(response.data);
    // The row carries the App's signing secret; it is dropped here, before anything can keep or print it.
    return { rows: rows.map(({ userDomainSecret: _secret, ...row }) => row), total };
  }

  async listDomainUsers(userDomain: string, page: PageRequest): Promise<Page<EndUserDto>> {
    const response = await this.client.request<PageInfoDto<EndUserDto>>({
      endpoint: 'enduser.domainUserList',
      method: 'GET',
      path: `${ENDUSER}/userDomainUserList`,
      query: { userDomain, ...pageQuery(page) },
    });
    return toPageFromPageInfo(response.data);
  }

  async getUser(uid: string): Promise<EndUserDto> {
    const response = await this.client.request<EndUserDto>({
      endpoint: 'enduser.userInfo',
      method: 'GET',
      path: `${ENDUSER}/userInfo`,
      query: { uid },
    });
    return response.data;
  }

  async setUserStatus(uid: string, status: 0 | 1): Promise<void> {
    await this.client.request({ endpoint: 'enduser.setUserStatus', method: 'GET', path: `${ENDUSER}/setUserStatus`, query: { uid, status } });
  }

  async listUserDevices(uid: string, page: PageRequest): Promise<Page<UserDeviceDto>> {
    const response = await this.client.request<PageInfoDto<UserDeviceDto>>({
      endpoint: 'binding.userDeviceList',
      method: 'GET',
      path: `${BINDING}/userDeviceList`,
      query: { uid, ...pageQuery(page) },
    });
    return toPageFromPageInfo(response.data);
  }

  async listBoundUsers({ productKey, uid, userDomain }: BoundUserFilter, page: PageRequest): Promise<Page<BoundUserDto>> {
    const response = await this.client.request<PageInfoDto<BoundUserDto>>({
      endpoint: 'binding.userListByBind',
      method: 'GET',
      path: `${BINDING}/getUserListByBind`,
      query: { pk: productKey, uid, userDomain, ...pageQuery(page) },
    });
    return toPageFromPageInfo(response.data);
  }

  async listDeviceUsers(productKey: string, deviceKey: string, page: PageRequest): Promise<Page<BoundUserDto>> {
    const response = await this.client.request<PageInfoDto<BoundUserDto>>({
      endpoint: 'binding.deviceUserList',
      method: 'GET',
      path: this.deviceUserListPath,
      query: { pk: productKey, dk: deviceKey, ...pageQuery(page) },
    });
    return toPageFromPageInfo(response.data);
  }

  async verifyBindingCode(productKey: string, deviceKey: string, bindingCode: string): Promise<number> {
    // Parameters travel in the query of a POST (reference §6.7).
    const response = await this.client.request<number>({
      endpoint: 'binding.verifyBindingCode',
      method: 'POST',
      path: `${BINDING}/verifyBindingCode`,
      query: { pk: productKey, dk: deviceKey, bindingCode, isBinding: 0 },
    });
    return Number(response.data ?? 0);
  }
}
