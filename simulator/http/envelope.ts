import type { PageRequest } from './paging';
import { messageFor } from './error-codes';

/**
 * A: `{code,msg,data}` with top-level paging on lists (§3.1); B: enduser/binding, `extMsg` beside
 * data (§3.2); C: quecauth flat body whose errors repeat msg as `error` (§3.3).
 */
export type EnvelopeKind = 'A' | 'B' | 'C';

export interface RouteResult {
  httpStatus?: number;
  body: unknown;
}

export function single(data: unknown, msg = ''): RouteResult {
  return { body: { code: 200, msg, data } };
}

export function done(): RouteResult {
  return { body: { code: 200, msg: '' } };
}

/** Out-of-range pages answer an empty array with the real totals (§4). */
export function page<T>(rows: readonly T[], request: PageRequest): RouteResult {
  const start = (request.pageNum - 1) * request.pageSize;
  return {
    body: {
      code: 200,
      msg: '',
      data: rows.slice(start, start + request.pageSize),
      pageNum: request.pageNum,
      pageSize: request.pageSize,
      pages: Math.ceil(rows.length / request.pageSize),
      total: rows.length,
    },
  };
}

export function errorBody(kind: EnvelopeKind, code: number, msg = messageFor(code)): Record<string, unknown> {
  switch (kind) {
    case 'A':
      return { code, msg };
    case 'B':
      return { code, msg, data: null, extMsg: null };
    case 'C':
      return { msg, code, error: msg };
  }
}
