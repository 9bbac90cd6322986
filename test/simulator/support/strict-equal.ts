import { isDeepStrictEqual } from 'node:util';

/**
 * `expect(actual).toStrictEqual(expected)` for whole seeds. node:util's isDeepStrictEqual decides: it compares
 * prototypes, Maps and properties set to undefined as well, in a small part of the CPU jest's matcher spends on a
 * 500-device seed (seconds). Jest's matcher runs only when they differ, to show where; should it find no difference,
 * the check still fails.
 */
export function expectStrictEqual<T>(actual: T, expected: T): void {
  if (isDeepStrictEqual(actual, expected)) return;
  expect(actual).toStrictEqual(expected);
  throw new Error('isDeepStrictEqual (node:util) finds the values different, though toStrictEqual shows no difference');
}
