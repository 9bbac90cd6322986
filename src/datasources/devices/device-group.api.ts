import type { PlatformClient } from '../platform/platform-client';
import { toPageFromPageInfo, type Page, type PageInfoDto, type PageRequest } from '../platform/page';
import type { DeviceRef } from './device-ref';
import type { DeviceGroupDto, DeviceGroupFields, GroupControlRequest, GroupDeviceDto, GroupTaskDto } from './device-group.dto';

/** Devices per add/remove call the platform accepts (5312 beyond) [INFERRED]. */
export const GROUP_DEVICES_PER_CALL = 100;

const pageQuery = ({ pageNum, pageSize }: PageRequest) => ({ page: pageNum, pageSize });
const deviceList = (devices: readonly DeviceRef[]) => devices.map((d) => ({ pk: d.productKey, dk: d.deviceKey }));

/**
 * Device groups (reference §11.6) under a configurable base path (`QUEC_PATH_DEVICE_GROUPS`), envelope B.
 * Every method throws UpstreamError.
 */
export interface DeviceGroupApi {
  /** @returns the new group id */
  createGroup(fields: DeviceGroupFields & { name: string }): Promise<number>;
  updateGroup(dgid: number, fields: DeviceGroupFields): Promise<void>;
  deleteGroup(dgid: number): Promise<void>;
  /** @throws UpstreamError NOT_FOUND (5306) */
  getGroup(dgid: number): Promise<DeviceGroupDto>;
  /** `parentId` 0 lists top-level groups; undefined lists all. */
  listGroups(parentId: number | undefined, page: PageRequest): Promise<Page<DeviceGroupDto>>;
  /** At most GROUP_DEVICES_PER_CALL devices. */
  addDevices(dgid: number, devices: readonly DeviceRef[]): Promise<void>;
  /** At most GROUP_DEVICES_PER_CALL devices. */
  removeDevices(dgid: number, devices: readonly DeviceRef[]): Promise<void>;
  listGroupDevices(dgid: number, page: PageRequest): Promise<Page<GroupDeviceDto>>;
  listGroupsOfDevice(device: DeviceRef, page: PageRequest): Promise<Page<DeviceGroupDto>>;
  /** @returns the task id */
  control(request: GroupControlRequest): Promise<number>;
  listTasks(dgid: number, page: PageRequest): Promise<Page<GroupTaskDto>>;
  getTask(taskId: number): Promise<GroupTaskDto>;
}

export class HttpDeviceGroupApi implements DeviceGroupApi {
  constructor(
    private readonly client: PlatformClient,
    private readonly basePath: string,
  ) {}

  async createGroup(fields: DeviceGroupFields & { name: string }): Promise<number> {
    const response = await this.client.request<{ dgid: number }>({
      endpoint: 'group.add',
      method: 'POST',
      path: `${this.basePath}/addDeviceGroup`,
      body: fields,
    });
    return Number(response.data.dgid);
  }

  async updateGroup(dgid: number, fields: DeviceGroupFields): Promise<void> {
    await this.client.request({ endpoint: 'group.set', method: 'PUT', path: `${this.basePath}/setDeviceGroup`, body: { dgid, ...fields } });
  }

  async deleteGroup(dgid: number): Promise<void> {
    await this.client.request({ endpoint: 'group.delete', method: 'DELETE', path: `${this.basePath}/deleteDeviceGroup`, query: { dgid } });
  }

  async getGroup(dgid: number): Promise<DeviceGroupDto> {
    const response = await this.client.request<DeviceGroupDto>({
      endpoint: 'group.info',
      method: 'GET',
      path: `${this.basePath}/deviceGroupInfo`,
      query: { dgid },
    });
    return response.data;
  }

  async listGroups(parentId: number | undefined, page: PageRequest): Promise<Page<DeviceGroupDto>> {
    const response = await this.client.request<PageInfoDto<DeviceGroupDto>>({
      endpoint: 'group.list',
      method: 'GET',
      path: `${this.basePath}/deviceGroupList`,
      query: { parentId, ...pageQuery(page) },
    });
    return toPageFromPageInfo(response.data);
  }

  async addDevices(dgid: number, devices: readonly DeviceRef[]): Promise<void> {
    await this.client.request({
      endpoint: 'group.addDevices',
      method: 'POST',
      path: `${this.basePath}/addDeviceToGroup`,
      body: { dgid, deviceList: deviceList(devices) },
    });
  }

  async removeDevices(dgid: number, devices: readonly DeviceRef[]): Promise<void> {
    // DELETE with a JSON body, as the published method and the device-list parameter together imply [INFERRED].
    await this.client.request({
      endpoint: 'group.removeDevices',
      method: 'DELETE',
      path: `${this.basePath}/deleteDeviceToGroup`,
      body: { dgid, deviceList: deviceList(devices) },
    });
  }

  async listGroupDevices(dgid: number, page: PageRequest): Promise<Page<GroupDeviceDto>> {
    const response = await this.client.request<PageInfoDto<GroupDeviceDto>>({
      endpoint: 'group.devices',
      method: 'GET',
      path: `${this.basePath}/getGroupDeviceList`,
      query: { dgid, ...pageQuery(page) },
    });
    return toPageFromPageInfo(response.data);
  }

  async listGroupsOfDevice({ productKey, deviceKey }: DeviceRef, page: PageRequest): Promise<Page<DeviceGroupDto>> {
    const response = await this.client.request<PageInfoDto<DeviceGroupDto>>({
      endpoint: 'group.ofDevice',
      method: 'GET',
      path: `${this.basePath}/getDeviceGroupList`,
      query: { pk: productKey, dk: deviceKey, ...pageQuery(page) },
    });
    return toPageFromPageInfo(response.data);
  }

  async control(request: GroupControlRequest): Promise<number> {
    const response = await this.client.request<{ taskId: number }>({
      endpoint: 'group.control',
      method: 'POST',
      path: `${this.basePath}/controlDevicesByDeviceGroup`,
      body: request,
    });
    return Number(response.data.taskId);
  }

  async listTasks(dgid: number, page: PageRequest): Promise<Page<GroupTaskDto>> {
    const response = await this.client.request<PageInfoDto<GroupTaskDto>>({
      endpoint: 'group.tasks',
      method: 'GET',
      path: `${this.basePath}/getControlDeviceGroupTaskList`,
      query: { dgid, ...pageQuery(page) },
    });
    return toPageFromPageInfo(response.data);
  }

  async getTask(taskId: number): Promise<GroupTaskDto> {
    const response = await this.client.request<GroupTaskDto>({
      endpoint: 'group.taskDetail',
      method: 'GET',
      path: `${this.basePath}/getControlDeviceGroupTaskDetail`,
      query: { taskId },
    });
    return response.data;
  }
}
