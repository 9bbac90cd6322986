import type { Project } from '../schema/project.type';
import type { ProjectDto } from './project.api';
import { toDate } from './time';

export function toProject(dto: ProjectDto): Project {
  return {
    id: String(dto.projectId),
    name: dto.projectName,
    description: dto.projectDesc || null,
    productCount: dto.productCount ?? null,
    createdAt: toDate(dto.createTime),
  };
}
