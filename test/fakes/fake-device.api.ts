import type { DeviceApi, DeviceListFilter } from '../../src/datasources/devices/device.api';
import type { GatewayApi } from '../../src/datasources/devices/gateway.api';
import type { DeviceDto, DeviceResourceDto, GatewayRefDto, SubDeviceDto } from '../../src/datasources/devices/device.dto';
import type { Page, PageRequest } from '../../src/datasources/platform/page';
import { NotFoundError } from '../../src/errors';

/** In-memory DeviceApi that records every call, for loader tests that count upstream work. */
export class FakeDeviceApi implements DeviceApi, GatewayApi {
  readonly calls: string[] = [];

  constructor(private readonly devices: DeviceDto[]) {}

  static withProducts(counts: Record<string, number>): FakeDeviceApi {
    const devices = Object.entries(counts).flatMap(([productKey, n]) =>
      Array.from({ length: n }, (_, i) => ({
        productKey,
        deviceKey: `${productKey}-d${String(i).padStart(4, '0')}`,
        deviceName: `Device ${i}`,
        deviceStatus: i % 2,
      })),
    );
    return new FakeDeviceApi(devices);
  }

  async listDevices({ productKey, deviceStatus }: DeviceListFilter, { pageNum, pageSize }: PageRequest): Promise<Page<DeviceDto>> {
    this.calls.push(`list ${productKey} ${pageNum}`);
    if (!this.devices.some((d) => d.productKey === productKey)) throw new NotFoundError(`no product ${productKey}`);
    const rows = this.devices.filter((d) => d.productKey === productKey && (deviceStatus === undefined || d.deviceStatus === deviceStatus));
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
