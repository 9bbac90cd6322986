// Device groups (reference §11.6). Paths, envelope (B) and field names are [INFERRED] from the App SDK group
// model and the 53xx codes; only endpoint names and methods are published.

export interface DeviceGroupDto {
  dgid: number;
  name: string;
  /** 0 or null for a top-level group */
  parentId?: number | null;
  description?: string | null;
  address?: string | null;
  manager?: string | null;
  deviceNum?: number | null;
  createTime?: number | string | null;
  updateTime?: number | string | null;
}

export interface GroupDeviceDto {
  productKey: string;
  deviceKey: string;
  deviceName?: string | null;
}

export interface GroupTaskDto {
  taskId: number;
  dgid: number;
  type?: string | null;
  operate?: string | null;
  /** 0 waiting, 1 running, 2 finished, 3 failed [INFERRED] */
  status: number;
  total?: number | null;
  success?: number | null;
  fail?: number | null;
  createTime?: number | string | null;
}

export interface DeviceGroupFields {
  name?: string;
  /** 0 moves the group to the top level. */
  parentId?: number;
  description?: string;
  address?: string;
  manager?: string;
}

export interface GroupControlRequest {
  dgid: number;
  type: 'PROPERTY' | 'SERVICE' | 'PASSTHROUGH';
  operate: 'DOWN' | 'GET';
  data: string;
}
