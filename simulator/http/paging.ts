import { BusinessError } from './business-error';
import { optionalInteger } from './query-params';

export interface PageRequest {
  pageNum: number;
  pageSize: number;
}

/**
 * pageNum is 1-based, defaults 1/10 (§4). A pageSize above `maxPageSize` is rejected like any other bad
 * number with 50005; the cap itself is [INFERRED] from the quecrule lists' documented 1..100.
 */
export function readPaging(query: Record<string, string>, maxPageSize: number): PageRequest {
  const pageNum = optionalInteger(query, 'pageNum') ?? 1;
  const pageSize = optionalInteger(query, 'pageSize') ?? 10;
  if (pageNum < 1 || pageSize < 1 || pageSize > maxPageSize) throw new BusinessError(50005);
  return { pageNum, pageSize };
}
