import type { Page } from './page';

export interface Window<T> {
  rows: T[];
  total: number;
}

/**
 * Reads rows [offset, offset + limit) of an upstream list served in pages of `pageSize`, fetching only the pages
 * that overlap the window, in parallel. `loadPage` is expected to be a per-request loader, so a page another
 * field already fetched is not fetched again.
 *
 * @param pageSize rows per upstream page; must match what `loadPage` asks for.
 */
export async function readWindow<T>(
  offset: number,
  limit: number,
  pageSize: number,
  loadPage: (pageNum: number) => Promise<Page<T>>,
): Promise<Window<T>> {
  const firstPage = Math.floor(offset / pageSize) + 1;
  const first = await loadPage(firstPage);
  const lastRow = Math.min(offset + limit, first.total) - 1;
  const lastPage = Math.max(firstPage, Math.floor(lastRow / pageSize) + 1);
  const rest = await Promise.all(range(firstPage + 1, lastPage).map(loadPage));
  const rows = [first, ...rest].flatMap((page) => page.rows);
  const start = offset - (firstPage - 1) * pageSize;
  return { rows: rows.slice(start, start + limit), total: first.total };
}

function range(from: number, to: number): number[] {
  return Array.from({ length: Math.max(0, to - from + 1) }, (_, i) => from + i);
}
