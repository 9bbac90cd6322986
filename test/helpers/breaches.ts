/**
 * The items that break each named rule, as `<item>: <rule>` lines, for one `expect(...).toEqual([])` over a whole
 * collection. An `expect` per item and rule reads the same but costs far more: jest builds every matcher afresh for
 * each `expect` call, and over the seed's fleet (hundreds of devices, thousands of messages) that was seconds of CPU.
 * A failure still names every item and the rule it broke.
 */
export function breaches<T>(items: Iterable<T>, nameOf: (item: T) => string, rules: Record<string, (item: T) => boolean>): string[] {
  const found: string[] = [];
  for (const item of items) {
    for (const [rule, holds] of Object.entries(rules)) if (!holds(item)) found.push(`${nameOf(item)}: ${rule}`);
  }
  return found;
}
