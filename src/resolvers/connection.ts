import { encodeCursor, offsetAfter } from '../schema/cursor';
import type { PagingArgs } from '../schema/paging.args';
import { readWindow } from '../datasources/platform/paged-window';
import type { Page } from '../datasources/platform/page';

export interface Connection<E> {
  edges: E[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
  totalCount: number;
}

/**
 * A Relay connection over an upstream list served by page number. `list` names the list inside cursors.
 * `toEdge` receives the row and its cursor so edges may carry more than `node`.
 */
export async function pageConnection<Row, E>(
  list: string,
  { first, after }: PagingArgs,
  pageSize: number,
  loadPage: (pageNum: number) => Promise<Page<Row>>,
  toEdge: (row: Row, cursor: string) => E,
): Promise<Connection<E>> {
  const offset = offsetAfter(list, after);
  const { rows, total } = await readWindow(offset, first, pageSize, loadPage);
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
