import type { PlatformClient } from './platform-client';
import type { ProductDto } from './product.dto';
import { toPage, type Page, type PageRequest } from './page';

/** Project row of project/overview (reference §11.1). Fields beyond id and name are [INFERRED]. */
export interface ProjectDto {
  projectId: number;
  projectName: string;
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
}
