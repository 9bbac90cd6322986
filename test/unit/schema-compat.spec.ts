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

  // The allow-list and change rules on a small subgraph: the repository check above runs them over the real schema,
  // and a diff of two copies of it costs about half a second each.
  const SMALL = `
    extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])
    type Query {
      product(productKey: String!): Product
    }
    type Product @key(fields: "productKey") {
      productKey: String!
      """URL of the product logo."""
      logoUrl: String
      name: String
    }
  `;

  describe('with a field removed', () => {
    const removed = SMALL.replace(/\n\s*"""URL of the product logo\."""\n\s*logoUrl: String\n/, '\n');

    it('should report the removal as an unapproved breaking change', async () => {
      expect(removed).not.toBe(SMALL);
      const report = await checkCompatibility(SMALL, removed, []);
      expect(report.unapproved.map((change) => ({ type: change.type, path: change.path }))).toEqual([
        { type: 'FIELD_REMOVED', path: 'Product.logoUrl' },
      ]);
    });

    it('should accept it once the allow-list names it with a reason', async () => {
      const allowed = parseAllowList('[{ "type": "FIELD_REMOVED", "path": "Product.logoUrl", "reason": "the platform dropped logos" }]');
      expect(await checkCompatibility(SMALL, removed, allowed)).toEqual({ unapproved: [], unused: [] });
    });

    it('should report an allow-list entry that excuses nothing', async () => {
      const allowed = parseAllowList('[{ "type": "FIELD_REMOVED", "path": "Product.logoUrl", "reason": "the platform dropped logos" }]');
      expect((await checkCompatibility(SMALL, SMALL, allowed)).unused).toEqual(allowed);
    });
  });

  it('should report a non-null argument added to a field as breaking', async () => {
    const tightened = SMALL.replace('product(productKey: String!): Product', 'product(productKey: String!, region: String!): Product');
    expect(tightened).not.toBe(SMALL);
    const report = await checkCompatibility(SMALL, tightened, []);
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
