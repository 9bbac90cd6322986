import { BusinessError } from './business-error';

// JSON body readers for the POST endpoints (§6.6). A missing required field is 50004 "param null or empty",
// a present field of the wrong type or shape 50005 "param check error".

export type Body = Record<string, unknown>;

export function objectBody(body: unknown): Body {
  if (body === undefined) return {};
  if (body === null || typeof body !== 'object' || Array.isArray(body)) throw new BusinessError(50005);
  return body as Body;
}

export function bodyText(body: Body, name: string, required: true): string;
export function bodyText(body: Body, name: string, required?: false): string | undefined;
export function bodyText(body: Body, name: string, required = false): string | undefined {
  const value = body[name];
  if (value === undefined || value === null || value === '') {
    if (required) throw new BusinessError(50004);
    return undefined;
  }
  if (typeof value !== 'string') throw new BusinessError(50005);
  return value;
}

export function bodyInteger(body: Body, name: string, required = false): number | undefined {
  const value = body[name];
  if (value === undefined || value === null || value === '') {
    if (required) throw new BusinessError(50004);
    return undefined;
  }
  const n = typeof value === 'string' && /^-?\d{1,18}$/.test(value) ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isSafeInteger(n)) throw new BusinessError(50005);
  return n;
}

export function bodyIntegerList(body: Body, name: string, required = false): number[] | undefined {
  const value = body[name];
  if (value === undefined || value === null || (Array.isArray(value) && value.length === 0)) {
    if (required) throw new BusinessError(50004);
    return undefined;
  }
  if (!Array.isArray(value) || !value.every((v) => Number.isSafeInteger(v))) throw new BusinessError(50005);
  return value as number[];
}

/** Body paging of the quecrule lists: pageNum from 1, pageSize 1..100 (§4, §6.6). */
export function bodyPaging(body: Body): { pageNum: number; pageSize: number } {
  const pageNum = bodyInteger(body, 'pageNum') ?? 1;
  const pageSize = bodyInteger(body, 'pageSize') ?? 10;
  if (pageNum < 1 || pageSize < 1 || pageSize > 100) throw new BusinessError(50005);
  return { pageNum, pageSize };
}
