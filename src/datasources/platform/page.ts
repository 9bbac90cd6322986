import type { PlatformResponse } from './platform-client';

/** One upstream list page: its rows and the total row count across all pages. */
export interface Page<T> {
  rows: T[];
  total: number;
  /** Rows per page the platform says it served (the envelope's `pageSize`), when it says; see `servedPageSize`. */
  pageSize?: number;
}

export interface PageRequest {
  /** 1-based */
  pageNum: number;
  pageSize: number;
}

/** Envelope A lists put the totals beside `data` (reference §3.1); a missing total means "this page is all". */
export function toPage<T>(response: PlatformResponse<T[] | null>): Page<T> {
  const rows = Array.isArray(response.data) ? response.data : [];
  const pageSize = response.page?.pageSize;
  return { rows, total: response.page?.total ?? rows.length, ...(pageSize && pageSize > 0 ? { pageSize } : {}) };
}

/**
 * PageHelper `PageInfo` (reference §4), the `data` of envelope-B lists. Only the fields we read are typed; the
 * rest (`navigatepageNums`, `startRow`, ...) describe the same page in other words.
 */
export interface PageInfoDto<T> {
  total?: number | string | null;
  list?: T[] | null;
  pageNum?: number | null;
  pageSize?: number | null;
  pages?: number | null;
  hasNextPage?: boolean | null;
}

/** Envelope-B lists carry their rows and totals inside `data` (reference §3.2); a missing total means "this page is all". */
export function toPageFromPageInfo<T>(data: PageInfoDto<T> | null | undefined): Page<T> {
  const rows = Array.isArray(data?.list) ? data.list : [];
  const total = Number(data?.total);
  const pageSize = Number(data?.pageSize);
  return {
    rows,
    total: data?.total !== undefined && data?.total !== null && Number.isFinite(total) ? total : rows.length,
    ...(Number.isInteger(pageSize) && pageSize > 0 ? { pageSize } : {}),
  };
}
