import type { Page } from './page';

export interface Window<T> {
  rows: T[];
  total: number;
}

/**
 * Rows per page the platform really served on page `pageNum` when `asked` were asked for. No maximum page size is
 * published (reference §12.13); a platform that caps it serves fewer rows per page and numbers its pages by the
 * smaller size, so reading pages as if they held `asked` rows would skip rows (or repeat them). The cap shows as
 *
 * - an envelope `pageSize` below `asked`, unless it merely equals the row count of what reads as the last page (some
 *   servers report the rows on the page there);
 * - a page shorter than `asked` that cannot be the last page of an uncapped list: the total says rows follow it, or
 *   says the last page would hold a different number of rows. Every page but the last holds exactly the served size.
 *
 * Undetectable: a short page whose row count happens to fit the total as an uncapped last page would.
 */
export function servedPageSize<T>(page: Page<T>, pageNum: number, asked: number): number {
  const served = page.rows.length;
  const readsAsLast = (pageNum - 1) * asked + served === page.total;
  const stated = page.pageSize;
  if (stated !== undefined && stated > 0 && stated < asked && served <= stated && !(readsAsLast && stated === served)) return stated;
  if (served > 0 && served < asked && !readsAsLast) return served;
  return asked;
}

/**
 * Reads rows [offset, offset + limit) of an upstream list served in pages of `pageSize`, fetching only the pages
 * that overlap the window, in parallel. `loadPage` is expected to be a per-request loader, so a page another
 * field already fetched is not fetched again. When the first page read shows the platform serves fewer rows per
 * page than asked (`servedPageSize`), the window is read in pages of that size instead.
 *
 * @param pageSize rows per upstream page: what `loadPage` asks for, or the smaller size a page already showed the
 *   platform serves (`servedPageSize`), by which it numbers its pages.
 */
export async function readWindow<T>(
  offset: number,
  limit: number,
  pageSize: number,
  loadPage: (pageNum: number) => Promise<Page<T>>,
): Promise<Window<T>> {
  const probed = pageOf(offset, pageSize);
  const first = await loadPage(probed);
  const size = servedPageSize(first, probed, pageSize);
  const firstPage = pageOf(offset, size);
  const lastRow = Math.min(offset + limit, first.total) - 1;
  const lastPage = Math.max(firstPage, pageOf(lastRow, size));
  const pages = await Promise.all(range(firstPage, lastPage).map((pageNum) => (pageNum === probed ? first : loadPage(pageNum))));
  const rows = pages.flatMap((page) => page.rows);
  const start = offset - (firstPage - 1) * size;
  return { rows: rows.slice(start, start + limit), total: first.total };
}

/** 1-based page holding row `row` (0-based) in pages of `size`. */
function pageOf(row: number, size: number): number {
  return Math.floor(row / size) + 1;
}

function range(from: number, to: number): number[] {
  return Array.from({ length: Math.max(0, to - from + 1) }, (_, i) => from + i);
}

/**
 * Reads the last `limit` rows of the window [start, end) for backward paging (`last`, `before`), fetching only the
 * pages that overlap it. Without `end` the window runs to the end of the list, whose length only a page tells: page 1
 * is read for it first (a forward read of the same list in this request shares it through the loader), then the
 * tail pages, so `last` without `before` costs at most one page more than `first`, under a platform page-size cap
 * too: the tail is read in pages of the size page 1 was served in.
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
  let size = pageSize;
  let stop = end;
  if (stop === undefined) {
    const first = await load(1);
    stop = first.total;
    // Page 1 already shows a platform cap: read the tail in pages of the served size at once, rather than probing
    // a page numbered by the asked size (which holds other rows) to find it out again.
    size = servedPageSize(first, 1, pageSize);
  }
  const offset = Math.max(start, stop - limit);
  const window = await readWindow(offset, Math.max(0, stop - offset), size, load);
  return { ...window, offset };
}
