import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * Compares a presented secret with an expected one in time that depends on neither. Both sides are hashed first so
 * `timingSafeEqual` gets equal lengths and the comparison does not leak the expected secret's length either.
 */
export function secretsEqual(presented: string, expected: string): boolean {
  const a = createHash('sha256').update(presented, 'utf8').digest();
  const b = createHash('sha256').update(expected, 'utf8').digest();
  return timingSafeEqual(a, b);
}
