import { BusinessError } from './business-error';
import type { PageLimits } from '../options';
import { optionalInteger } from './query-params';

export interface PageRequest {
  pageNum: number;
  pageSize: number;
}

/**
 * pageNum is 1-based, defaults 1/10 (§4). A pageSize above `maxPageSize` is rejected like any other bad
 * number with 50005; the cap itself is [INFERRED] from the quecrule lists' documented 1..100.
 */
export function readPaging(query: Record<string, string>, limits: PageLimits): PageRequest {
  const pageNum = optionalInteger(query, 'pageNum') ?? 1;
  const pageSize = optionalInteger(query, 'pageSize') ?? 10;
  if (pageNum < 1 || pageSize < 1) throw new BusinessError(50005);
  return { pageNum, pageSize: servedPageSize(pageSize, limits) };
}

/**
 * The strict page-size cap (§12.13) cuts a large page down silently, as a server-side maximum would; without it a
 * size above `maxPageSize` is refused.
 */
export function servedPageSize(requested: number, limits: PageLimits): number {
  if (limits.pageSizeCap > 0) return Math.min(requested, limits.pageSizeCap);
  if (requested > limits.maxPageSize) throw new BusinessError(50005);
  return requested;
}
