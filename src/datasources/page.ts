import type { PlatformResponse } from './platform-client';

/** One upstream list page: its rows and the total row count across all pages. */
export interface Page<T> {
  rows: T[];
  total: number;
}

export interface PageRequest {
  /** 1-based */
  pageNum: number;
  pageSize: number;
}

/** Envelope A lists put the totals beside `data` (reference §3.1); a missing total means "this page is all". */
export function toPage<T>(response: PlatformResponse<T[] | null>): Page<T> {
  const rows = Array.isArray(response.data) ? response.data : [];
  return { rows, total: response.page?.total ?? rows.length };
}
