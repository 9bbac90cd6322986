import { GroupTaskStatus } from '../../schema/devices/group-task-status.enum';
import type { DeviceGroup, DeviceGroupTask } from '../../schema/devices/device-group.type';
import type { DeviceGroupDto, GroupTaskDto } from '../../datasources/devices/device-group.dto';
import { toDate } from '../../datasources/platform/time';

const taskStatuses: Record<number, GroupTaskStatus> = {
  0: GroupTaskStatus.WAITING,
  1: GroupTaskStatus.RUNNING,
  2: GroupTaskStatus.FINISHED,
  3: GroupTaskStatus.FAILED,
};

export function toDeviceGroup(dto: DeviceGroupDto): DeviceGroup {
  return {
    id: String(dto.dgid),
    name: dto.name,
    description: dto.description || null,
    address: dto.address || null,
    manager: dto.manager || null,
    deviceCount: dto.deviceNum ?? null,
    createdAt: toDate(dto.createTime),
    updatedAt: toDate(dto.updateTime),
    // 0 and null both mean "top level" [INFERRED].
    parentId: dto.parentId ? String(dto.parentId) : null,
  };
}

export function toDeviceGroupTask(dto: GroupTaskDto): DeviceGroupTask {
  return {
    id: String(dto.taskId),
    status: taskStatuses[dto.status] ?? GroupTaskStatus.UNKNOWN,
    total: dto.total ?? null,
    succeeded: dto.success ?? null,
    failed: dto.fail ?? null,
    createdAt: toDate(dto.createTime),
    groupId: String(dto.dgid),
  };
}
