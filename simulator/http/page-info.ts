import { BusinessError } from './business-error';
import type { RouteResult } from './envelope';
import type { PageLimits } from '../options';
import { servedPageSize } from './paging';
import { optionalInteger } from './query-params';

export interface PageInfoRequest {
  page: number;
  pageSize: number;
}

/** Envelope-B lists take `page` (1-based) and `pageSize`, defaults 1/10 (§4); the 100 cap is [INFERRED]. */
export function readPageInfoPaging(query: Record<string, string>, limits: PageLimits): PageInfoRequest {
  const page = optionalInteger(query, 'page') ?? 1;
  const pageSize = optionalInteger(query, 'pageSize') ?? 10;
  if (page < 1 || pageSize < 1) throw new BusinessError(50005);
  return { page, pageSize: servedPageSize(pageSize, limits) };
}

/** PageHelper's PageInfo with every documented field (§4), computed the way PageHelper computes them. */
export function pageInfo<T>(rows: readonly T[], { page, pageSize }: PageInfoRequest): Record<string, unknown> {
  const total = rows.length;
  const pages = Math.ceil(total / pageSize);
  const start = (page - 1) * pageSize;
  const list = rows.slice(start, start + pageSize);
  const navigateFirstPage = pages === 0 ? 0 : Math.max(1, Math.min(page - 4, pages - 7));
  const navigateLastPage = pages === 0 ? 0 : Math.min(pages, navigateFirstPage + 7);
  const navigatepageNums = pages === 0 ? [] : Array.from({ length: navigateLastPage - navigateFirstPage + 1 }, (_, i) => navigateFirstPage + i);
  return {
    total,
    list,
    pageNum: page,
    pageSize,
    size: list.length,
    startRow: list.length === 0 ? 0 : start + 1,
    endRow: list.length === 0 ? 0 : start + list.length,
    pages,
    prePage: page > 1 ? page - 1 : 0,
    nextPage: page < pages ? page + 1 : 0,
    isFirstPage: page === 1,
    isLastPage: page >= pages,
    hasPreviousPage: page > 1,
    hasNextPage: page < pages,
    navigatePages: 8,
    navigatepageNums,
    navigateFirstPage,
    navigateLastPage,
  };
}

/** Envelope B success (§3.2): `extMsg` beside data, which may be an object, PageInfo, int or `{}`. */
export function singleB(data: unknown): RouteResult {
  return { body: { code: 200, msg: '', data, extMsg: null } };
}

export function pageB<T>(rows: readonly T[], request: PageInfoRequest): RouteResult {
  return singleB(pageInfo(rows, request));
}
