import { BusinessError } from '../http/business-error';
import { bodyObject, optionalString } from '../http/body-fields';
import { done, page, single } from '../http/envelope';
import { readPaging } from '../http/paging';
import { pathParam, type RouteDefinition } from '../router';
import type { SimulatorStore } from '../store/simulator.store';
import type { Project } from '../store/store.types';
import { toProductRow } from './product.view';

// Project management (§11.1). Paths, envelope (A, like the rest of quecproductmgr) and fields are [INFERRED]:
// only names and methods are published. A project is visible when it holds an authorized product.

const BASE = '/v2/quecproductmgr/r1/openapi/project';

function visibleProjects(store: SimulatorStore): Project[] {
  const withProducts = new Set(store.authorizedProducts().map((p) => p.projectId));
  return store.projects().filter((p) => withProducts.has(p.id));
}

function toProjectRow(store: SimulatorStore, project: Project): Record<string, unknown> {
  const products = store.products().filter((p) => p.projectId === project.id);
  const createTime = Math.min(...products.map((p) => p.createTime)) - 86_400_000;
  return {
    projectId: project.id,
    projectName: project.name,
    projectDesc: project.description,
    productCount: products.filter((p) => p.authorized).length,
    createTime: String(createTime),
  };
}

/** An unknown or invisible project answers 70089 "limited permission to operate this project" [INFERRED]. */
function projectOf(store: SimulatorStore, template: string, path: string): Project {
  const raw = pathParam(template, path, 'projectId') ?? '';
  if (!/^\d{1,18}$/.test(raw)) throw new BusinessError(50005);
  const project = visibleProjects(store).find((p) => p.id === Number(raw));
  if (!project) throw new BusinessError(70089);
  return project;
}

const overview: RouteDefinition = {
  endpoint: 'project.overview',
  methods: ['GET'],
  path: `${BASE}/overview`,
  envelope: 'A',
  authenticated: true,
  handle({ query }, { store, options }) {
    const paging = readPaging(query, options.paging);
    return page(
      visibleProjects(store)
        .sort((a, b) => a.id - b.id)
        .map((p) => toProjectRow(store, p)),
      paging,
    );
  },
};

const detailPath = `${BASE}/{projectId}/detail`;
const detail: RouteDefinition = {
  endpoint: 'project.detail',
  methods: ['GET'],
  path: detailPath,
  envelope: 'A',
  authenticated: true,
  handle({ path }, { store }) {
    return single(toProjectRow(store, projectOf(store, detailPath, path)));
  },
};

const productsPath = `${BASE}/{projectId}/product/overview`;
const products: RouteDefinition = {
  endpoint: 'project.products',
  methods: ['GET'],
  path: productsPath,
  envelope: 'A',
  authenticated: true,
  handle({ path, query }, { store, options }) {
    const project = projectOf(store, productsPath, path);
    const paging = readPaging(query, options.paging);
    const rows = store
      .authorizedProducts()
      .filter((p) => p.projectId === project.id)
      .sort((a, b) => b.createTime - a.createTime)
      .map(toProductRow);
    return page(rows, paging);
  },
};

/** Longest project name and description the simulator accepts (50005 beyond) [INFERRED: limits unpublished]. */
const MAX_NAME = 32;
const MAX_DESCRIPTION = 200;

/**
 * PUT `{projectId}/edit` with a JSON body `{projectName?, projectDesc?}` [INFERRED: only the method and path are
 * published]. Neither field -> 50004; a name used by another project -> 70001 (§10.2, "duplicate project name").
 */
const editPath = `${BASE}/{projectId}/edit`;
const edit: RouteDefinition = {
  endpoint: 'project.edit',
  methods: ['PUT'],
  path: editPath,
  envelope: 'A',
  authenticated: true,
  handle({ path, body }, { store }) {
    const project = projectOf(store, editPath, path);
    const input = bodyObject(body ?? {});
    const name = optionalString(input, 'projectName');
    const description = optionalString(input, 'projectDesc');
    if (name === undefined && description === undefined) throw new BusinessError(50004);
    if (name !== undefined && (name.trim() === '' || name.length > MAX_NAME)) throw new BusinessError(50005);
    if (description !== undefined && description.length > MAX_DESCRIPTION) throw new BusinessError(50005);
    if (name !== undefined && store.projects().some((p) => p !== project && p.name === name)) throw new BusinessError(70001);
    project.name = name ?? project.name;
    project.description = description ?? project.description;
    return done();
  },
};

export const projectRoutes: readonly RouteDefinition[] = [overview, detail, products, edit];
