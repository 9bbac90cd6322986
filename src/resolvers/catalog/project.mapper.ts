import type { Project } from '../../schema/catalog/project.type';
import type { ProjectDto } from '../../datasources/catalog/project.api';
import { toDate } from '../../datasources/platform/time';

export function toProject(dto: ProjectDto): Project {
  return {
    id: String(dto.projectId),
    name: dto.projectName,
    description: dto.projectDesc || null,
    productCount: dto.productCount ?? null,
    createdAt: toDate(dto.createTime),
  };
}
