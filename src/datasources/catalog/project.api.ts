import type { PlatformClient } from '../platform/platform-client';
import type { ProductDto } from './product.dto';
import { toPage, type Page, type PageRequest } from '../platform/page';

/** Project row of project/overview (reference §11.1). Fields beyond id and name are [INFERRED]. */
export interface ProjectDto {
  projectId: number;
  projectName: string;
  projectDesc?: string | null;
  productCount?: number | null;
  createTime?: string | number | null;
}

/**
 * Projects (reference §11.1). Paths are inferred, not published: they hang off a configurable base
 * (`QUEC_PATH_PROJECTS`). Envelope A like the rest of quecproductmgr [INFERRED].
 */
export interface ProjectApi {
  listProjects(page: PageRequest): Promise<Page<ProjectDto>>;
  listProjectProducts(projectId: number, page: PageRequest): Promise<Page<ProductDto>>;
  /** Renames a project or changes its description; omitted fields stay. */
  editProject(projectId: number, changes: ProjectChanges): Promise<void>;
}

/** Body of project/{id}/edit [INFERRED: the body is unpublished; the names follow the list row]. */
export interface ProjectChanges {
  projectName?: string;
  projectDesc?: string;
}

export class HttpProjectApi implements ProjectApi {
  constructor(
    private readonly client: PlatformClient,
    private readonly basePath: string,
  ) {}

  async listProjects({ pageNum, pageSize }: PageRequest): Promise<Page<ProjectDto>> {
    const response = await this.client.request<ProjectDto[]>({
      endpoint: 'project.overview',
      method: 'GET',
      path: `${this.basePath}/overview`,
      query: { pageNum, pageSize },
    });
    return toPage(response);
  }

  async listProjectProducts(projectId: number, { pageNum, pageSize }: PageRequest): Promise<Page<ProductDto>> {
    const response = await this.client.request<ProductDto[]>({
      endpoint: 'project.products',
      method: 'GET',
      path: `${this.basePath}/${encodeURIComponent(String(projectId))}/product/overview`,
      query: { pageNum, pageSize },
    });
    return toPage(response);
  }

  async editProject(projectId: number, changes: ProjectChanges): Promise<void> {
    await this.client.request({
      endpoint: 'project.edit',
      method: 'PUT',
      path: `${this.basePath}/${encodeURIComponent(String(projectId))}/edit`,
      body: changes,
    });
  }
}
