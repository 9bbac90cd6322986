import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { checkCompatibility, checkRepository, compositionErrors, parseAllowList } from '../../scripts/schema-compat';

const ROOT = resolve(__dirname, '../..');
const read = (path: string) => readFileSync(resolve(ROOT, path), 'utf8');

/**
 * The schema check of `npm test`: schema.graphql (which test/unit/schema-sdl.spec.ts keeps equal to the schema the
 * code builds) against the committed baseline, less the allow-listed breaks, and composed next to other subgraphs.
 */
describe('schema compatibility', () => {
  it('should find no unapproved breaking change and no composition error in the repository', async () => {
    const relay = { name: 'tickets', sdl: read('test/fixtures/relay-subgraph/schema.graphql') };
    expect(await checkRepository(ROOT, [relay])).toEqual([]);
  });

  describe('with a field removed', () => {
    const current = read('schema.graphql');
    const removed = current.replace(/\n {2}"""URL of the product logo\."""\n {2}logoUrl: String\n/, '\n');

    it('should report the removal as an unapproved breaking change', async () => {
      expect(removed).not.toBe(current);
      const report = await checkCompatibility(current, removed, []);
      expect(report.unapproved.map((change) => ({ type: change.type, path: change.path }))).toEqual([
        { type: 'FIELD_REMOVED', path: 'Product.logoUrl' },
      ]);
    });

    it('should accept it once the allow-list names it with a reason', async () => {
      const allowed = parseAllowList('[{ "type": "FIELD_REMOVED", "path": "Product.logoUrl", "reason": "the platform dropped logos" }]');
      expect(await checkCompatibility(current, removed, allowed)).toEqual({ unapproved: [], unused: [] });
    });

    it('should report an allow-list entry that excuses nothing', async () => {
      const allowed = parseAllowList('[{ "type": "FIELD_REMOVED", "path": "Product.logoUrl", "reason": "the platform dropped logos" }]');
      expect((await checkCompatibility(current, current, allowed)).unused).toEqual(allowed);
    });
  });

  it('should report a non-null argument added to a field as breaking', async () => {
    const current = read('schema.graphql');
    const narrowed = current.replace('type Query {\n', 'type Query {\n  """Probe."""\n  probe(x: Int!): Int\n');
    const tightened = narrowed.replace('probe(x: Int!): Int', 'probe(x: Int!, y: Int!): Int');
    const report = await checkCompatibility(narrowed, tightened, []);
    expect(report.unapproved.map((change) => change.type)).toEqual(['FIELD_ARGUMENT_ADDED']);
  });

  it('should refuse an allow-list entry without a reason', () => {
    expect(() => parseAllowList('[{ "type": "FIELD_REMOVED", "path": "Product.logoUrl", "reason": " " }]')).toThrow(/non-empty "reason"/);
  });

  it('should report a composition error: a peer whose PageInfo is not shareable', () => {
    const peer = `
      extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])
      type Query { things: ThingPage! }
      type ThingPage { pageInfo: PageInfo! }
      type PageInfo { hasNextPage: Boolean! hasPreviousPage: Boolean! startCursor: String endCursor: String }
    `;
    expect(compositionErrors(read('schema.graphql'), [{ name: 'things', sdl: peer }]).join('\n')).toMatch(/Non-shareable field "PageInfo\./);
  });
});
