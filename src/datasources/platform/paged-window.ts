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

/**
 * Reads the last `limit` rows of the window [start, end) for backward paging (`last`, `before`), fetching only the
 * pages that overlap it. Without `end` the window runs to the end of the list, whose length only a page tells: page 1
 * is read for it first (a forward read of the same list in this request shares it through the loader), then the
 * tail pages, so `last` without `before` costs at most one page more than `first`.
 *
 * @returns the rows, the list's total and the offset of the first row returned.
 */
export async function readLastWindow<T>(
  start: number,
  end: number | undefined,
  limit: number,
  pageSize: number,
  loadPage: (pageNum: number) => Promise<Page<T>>,
): Promise<Window<T> & { offset: number }> {
  // Page 1 may be asked for twice (for the total, then as part of the window): ask upstream once.
  const pages = new Map<number, Promise<Page<T>>>();
  const load = (pageNum: number) => {
    const page = pages.get(pageNum) ?? loadPage(pageNum);
    pages.set(pageNum, page);
    return page;
  };
  const stop = end ?? (await load(1)).total;
  const offset = Math.max(start, stop - limit);
  const window = await readWindow(offset, Math.max(0, stop - offset), pageSize, load);
  return { ...window, offset };
}
