import type { DeviceApi, DeviceListFilter } from '../../src/datasources/devices/device.api';
import type { GatewayApi } from '../../src/datasources/devices/gateway.api';
import type { DeviceDto, DeviceResourceDto, GatewayRefDto, SubDeviceDto } from '../../src/datasources/devices/device.dto';
import type { Page, PageRequest } from '../../src/datasources/platform/page';
import { NotFoundError } from '../../src/errors';

/** In-memory DeviceApi that records every call, for loader tests that count upstream work. */
export class FakeDeviceApi implements DeviceApi, GatewayApi {
  readonly calls: string[] = [];
  /** Every list call's filter and page, for tests of filters and page sizes. */
  readonly lists: Array<DeviceListFilter & PageRequest> = [];

  constructor(private readonly devices: DeviceDto[]) {}

  static withProducts(counts: Record<string, number>): FakeDeviceApi {
    const devices = Object.entries(counts).flatMap(([productKey, n]) =>
      Array.from({ length: n }, (_, i) => ({
        productKey,
        deviceKey: `${productKey}-d${String(i).padStart(4, '0')}`,
        deviceName: `Device ${i}`,
        deviceStatus: i % 2,
        isActived: i % 3 === 0 ? 0 : 1,
      })),
    );
    return new FakeDeviceApi(devices);
  }

  /** Filters by status and activation; ignores `deviceName`, as a platform that does not know it would (§12.8). */
  async listDevices(filter: DeviceListFilter, { pageNum, pageSize }: PageRequest): Promise<Page<DeviceDto>> {
    const { productKey, deviceStatus, activeStatus } = filter;
    this.calls.push(`list ${productKey} ${pageNum}`);
    this.lists.push({ ...filter, pageNum, pageSize });
    if (!this.devices.some((d) => d.productKey === productKey)) throw new NotFoundError(`no product ${productKey}`);
    const rows = this.devices.filter(
      (d) =>
        d.productKey === productKey &&
        (deviceStatus === undefined || d.deviceStatus === deviceStatus) &&
        (activeStatus === undefined || (d.isActived ?? 0) === activeStatus),
    );
    return { rows: rows.slice((pageNum - 1) * pageSize, pageNum * pageSize), total: rows.length };
  }

  async getDevice(productKey: string, deviceKey: string): Promise<DeviceDto> {
    this.calls.push(`detail ${productKey} ${deviceKey}`);
    const found = this.devices.find((d) => d.productKey === productKey && d.deviceKey === deviceKey);
    if (!found) throw new NotFoundError(`no device ${deviceKey}`);
    return found;
  }

  async getResources(): Promise<DeviceResourceDto | null> {
    return null;
  }

  async listSubDevices(): Promise<Page<SubDeviceDto>> {
    return { rows: [], total: 0 };
  }

  async getGatewayOfChild(): Promise<GatewayRefDto> {
    throw new NotFoundError('none');
  }
}
