import DataLoader from 'dataloader';
import type { Page } from '../platform/page';
import { settleEach } from '../platform/per-key';
import { servedPageSize } from '../platform/paged-window';
import type { ProductDto } from './product.dto';
import type { ProjectApi, ProjectDto } from './project.api';

export interface ProjectLoaders {
  projectPage: DataLoader<number, Page<ProjectDto>>;
  /**
   * Projects by id, answered from the project list: an account has few projects, so one listing serves any
   * number of keys (and `_entities` batches), where a detail call per key would not.
   */
  projectById: DataLoader<number, ProjectDto | null>;
  projectProductPage: DataLoader<{ projectId: number; pageNum: number }, Page<ProductDto>, string>;
  /** The project of a product. No product row names its project, so this reads every project's product list once per request. */
  projectOfProduct: DataLoader<string, ProjectDto | null>;
}

export function createProjectLoaders(api: ProjectApi, pageSize: number): ProjectLoaders {
  const projectPage = new DataLoader<number, Page<ProjectDto>>((pageNums) =>
    settleEach(pageNums, (pageNum) => api.listProjects({ pageNum, pageSize })),
  );
  const projectProductPage: ProjectLoaders['projectProductPage'] = new DataLoader(
    (keys) => settleEach(keys, ({ projectId, pageNum }) => api.listProjectProducts(projectId, { pageNum, pageSize })),
    { cacheKeyFn: (key) => `${key.projectId}\u0000${key.pageNum}` },
  );

  const readAll = async <T>(load: (pageNum: number) => Promise<Page<T>>): Promise<T[]> => {
    const first = await load(1);
    const pages = Math.ceil(first.total / servedPageSize(first, 1, pageSize));
    const rest = await Promise.all(Array.from({ length: Math.max(0, pages - 1) }, (_, i) => load(i + 2)));
    return [first, ...rest].flatMap((page) => page.rows);
  };
  // Pages come from projectPage's cache, so clearing it after an edit is enough to read the list afresh.
  const allProjects = () => readAll((pageNum) => projectPage.load(pageNum));

  const projectById = new DataLoader<number, ProjectDto | null>(async (ids) => {
    const projects = await allProjects();
    return ids.map((id) => projects.find((p) => Number(p.projectId) === id) ?? null);
  });

  const projectOfProduct = new DataLoader<string, ProjectDto | null>(async (productKeys) => {
    const projects = await allProjects();
    const owner = new Map<string, ProjectDto>();
    await Promise.all(
      projects.map(async (project) => {
        const products = await readAll((pageNum) => projectProductPage.load({ projectId: Number(project.projectId), pageNum }));
        for (const product of products) owner.set(product.productKey, project);
      }),
    );
    return productKeys.map((key) => owner.get(key) ?? null);
  });

  return { projectPage, projectById, projectProductPage, projectOfProduct };
}
