import { BadUserInputError } from '../errors';

/**
 * Cursors are opaque to callers but are offsets underneath, so any `first` or `last` works over any upstream page
 * size and the same position always yields the same cursor. The list name inside stops a cursor of one list being
 * replayed against another.
 */
export function encodeCursor(list: string, offset: number): string {
  return Buffer.from(`v1:${list}:${offset}`, 'utf8').toString('base64url');
}

/** @returns the offset of the item *after* the cursor, 0 when there is no cursor. @throws BadUserInputError */
export function offsetAfter(list: string, cursor: string | null | undefined): number {
  if (cursor === undefined || cursor === null) return 0;
  return decodeCursor(list, cursor, 'after') + 1;
}

/**
 * @returns the offset of the item the cursor names, i.e. how many items come *before* it; undefined when there is no
 * cursor (the window runs to the end of the list). @throws BadUserInputError
 */
export function offsetBefore(list: string, cursor: string | null | undefined): number | undefined {
  if (cursor === undefined || cursor === null) return undefined;
  return decodeCursor(list, cursor, 'before');
}

function decodeCursor(list: string, cursor: string, argumentName: 'after' | 'before'): number {
  const decoded = /^[A-Za-z0-9_-]{1,64}$/.test(cursor) ? Buffer.from(cursor, 'base64url').toString('utf8') : '';
  const match = /^v1:([a-z-]+):(\d{1,9})$/.exec(decoded);
  if (!match || match[1] !== list) {
    throw new BadUserInputError(`${argumentName} is not a cursor of this ${list} list`, argumentName);
  }
  return Number(match[2]);
}
