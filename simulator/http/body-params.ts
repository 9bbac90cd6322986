import { BusinessError } from './business-error';
import { bodyObject, type JsonObject } from './body-fields';

// JSON body readers for the quecrule family (§6.6), layered on body-fields.ts with that family's own rules: a
// missing required field is 50004 "param null or empty" (devicemgr answers 50005), integers may arrive as
// numeric strings, and an absent body counts as `{}`.

export type Body = JsonObject;

export function objectBody(body: unknown): Body {
  return body === undefined ? {} : bodyObject(body);
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
