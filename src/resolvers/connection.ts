import { BadUserInputError } from '../errors';
import { encodeCursor, offsetAfter, offsetBefore } from '../schema/cursor';
import { DEFAULT_PAGE, type PagingArgs } from '../schema/paging.args';
import { readLastWindow, readWindow } from '../datasources/platform/paged-window';
import type { Page } from '../datasources/platform/page';

export interface Connection<E> {
  edges: E[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
  totalCount: number;
}

/** Where a connection's arguments place its window: `[start, end)` of the list, read from the front or the back. */
export interface Slice {
  start: number;
  /** Exclusive; undefined runs to the end of the list. */
  end: number | undefined;
  /** Rows to take from the front (`first`) or, when `fromEnd`, from the back (`last`) of the window. */
  count: number;
  fromEnd: boolean;
}

/** Reads and checks the paging arguments. @throws BadUserInputError for `first` with `last`, or a foreign cursor */
export function sliceOf(list: string, { first, after, last, before }: PagingArgs): Slice {
  if (first != null && last != null) {
    throw new BadUserInputError('Give first or last, not both: first pages forward from after, last backward from before', 'last');
  }
  const start = offsetAfter(list, after);
  const end = offsetBefore(list, before);
  return { start, end, count: last ?? first ?? DEFAULT_PAGE, fromEnd: last != null };
}

/**
 * A Relay connection over an upstream list served by page number, in either direction. `list` names the list inside
 * cursors. `toEdge` receives the row and its cursor so edges may carry more than `node`. `hasPreviousPage` and
 * `hasNextPage` say whether the list has items before and after this page, whichever way it was read.
 */
export async function pageConnection<Row, E>(
  list: string,
  paging: PagingArgs,
  pageSize: number,
  loadPage: (pageNum: number) => Promise<Page<Row>>,
  toEdge: (row: Row, cursor: string) => E,
): Promise<Connection<E>> {
  const { start, end, count, fromEnd } = sliceOf(list, paging);
  const { rows, total, offset } = fromEnd
    ? await readLastWindow(start, end, count, pageSize, loadPage)
    : { ...(await readWindow(start, Math.max(0, Math.min(count, (end ?? Number.POSITIVE_INFINITY) - start)), pageSize, loadPage)), offset: start };
  const edges = rows.map((row, i) => toEdge(row, encodeCursor(list, offset + i)));
  return {
    edges,
    pageInfo: {
      hasNextPage: offset + rows.length < total,
      hasPreviousPage: offset > 0,
      startCursor: edges.length > 0 ? encodeCursor(list, offset) : null,
      endCursor: edges.length > 0 ? encodeCursor(list, offset + rows.length - 1) : null,
    },
    totalCount: total,
  };
}

export function emptyConnection<E>(): Connection<E> {
  return {
    edges: [],
    pageInfo: { hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null },
    totalCount: 0,
  };
}
