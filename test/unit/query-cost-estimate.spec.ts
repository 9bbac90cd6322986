import 'reflect-metadata';
import { getIntrospectionQuery, getNamedType, isObjectType, parse, type GraphQLSchema } from 'graphql';
import { buildFederatedSchema } from '../../src/schema/build-schema';
import { graphResolvers } from '../../src/resolvers';
import { estimateOperation } from '../../src/cost/estimate';
import { refusalFor } from '../../src/cost/query-cost-guard';
import { loadConfig } from '../../src/config';
import { NAME_SCAN_MAX_PAGES } from '../../src/datasources/devices/device.loaders';
import { NAME_SCAN_PAGES } from '../../src/schema/devices/device.args';

describe('estimateOperation', () => {
  let schema: GraphQLSchema;
  const table = graphResolvers.costs;
  const limits = loadConfig({}).queryLimits;

  beforeAll(async () => {
    schema = await buildFederatedSchema(graphResolvers);
  });

  const estimate = (query: string, variables?: Record<string, unknown>, pageSize = 100) =>
    estimateOperation({ schema, document: parse(query), variables, table, pageSize });

  describe('connections', () => {
    it('should cost one page per parent for first up to the page size, and one more after a cursor', () => {
      expect(estimate('{ products(first: 20) { totalCount } }').upstreamCalls).toBe(1);
      expect(estimate('{ products(first: 20, after: "x") { totalCount } }').upstreamCalls).toBe(2);
    });

    it('should cost ceil(first / pageSize) pages with a small upstream page size', () => {
      expect(estimate('{ products(first: 20) { totalCount } }', undefined, 7).upstreamCalls).toBe(3);
    });

    it('should multiply nested page sizes', () => {
      const query = '{ products(first: 10) { edges { node { devices(first: 10) { edges { node { resources { battery } } } } } } } }';
      expect(estimate(query).upstreamCalls).toBe(1 + 10 + 10 * 10);
    });

    it('should cost the default page when neither first nor last is given', () => {
      const query = '{ products { edges { node { thingModel { name } } } } }';
      expect(estimate(query).upstreamCalls).toBe(1 + 20);
    });

    it('should cost last like first, plus a straddled page before a cursor, plus page 1 for the length without one', () => {
      expect(estimate('{ products(last: 20, before: "x") { totalCount } }').upstreamCalls).toBe(2);
      expect(estimate('{ products(last: 20) { totalCount } }').upstreamCalls).toBe(3);
      expect(estimate('{ products(last: 20) { totalCount } }', undefined, 7).upstreamCalls).toBe(3 + 2);
      expect(estimate('{ products(last: 10) { edges { node { thingModel { name } } } } }').upstreamCalls).toBe(3 + 10);
    });

    it('should cost first before a cursor without a straddled page: the window starts at the list start', () => {
      expect(estimate('{ products(first: 20, before: "x") { totalCount } }').upstreamCalls).toBe(1);
    });

    it('should price each device count at one call at most, and a name filter at the scan it may need', () => {
      expect(estimate('{ product(productKey: "p1") { deviceCounts { total online offline activated } } }').upstreamCalls).toBe(1 + 4);
      expect(estimate('{ devices(productKey: "p1", first: 10) { totalCount } }').upstreamCalls).toBe(1);
      expect(estimate('{ devices(productKey: "p1", first: 10, nameContains: "a") { totalCount } }').upstreamCalls).toBe(1 + NAME_SCAN_MAX_PAGES);
    });

    it('should state the same name-scan bound in the schema as the loaders use', () => {
      expect(NAME_SCAN_PAGES).toBe(NAME_SCAN_MAX_PAGES);
    });

    it('should never assume more rows than validation accepts', () => {
      expect(estimate('{ products(first: 100000) { edges { node { thingModel { properties { code } } } } } }').upstreamCalls).toBe(1 + 100);
    });
  });

  describe('directives and merging', () => {
    it('should leave out selections under @skip(if: true) and @include(if: false), variables applied', () => {
      const query = 'query($s: Boolean!) { products(first: 10) { edges { node { thingModel @skip(if: $s) { properties { code } } } } } }';
      expect(estimate(query, { s: true }).upstreamCalls).toBe(1);
      expect(estimate(query, { s: false }).upstreamCalls).toBe(11);
    });

    it('should merge the same field selected twice under one response key, as execution does', () => {
      expect(
        estimate('{ products(first: 10) { edges { node { thingModel { name: __typename } thingModel { properties { code } } } } } }').upstreamCalls,
      ).toBe(11);
    });
  });

  describe('depth', () => {
    it('should not count the edges and node wrappers of connections', () => {
      expect(estimate('{ products { edges { node { devices { edges { node { product { name } } } } } } } }').depth).toBe(4);
    });

    it('should count a recursive introspection query that fans out', () => {
      let inner = 'name';
      for (let i = 0; i < 12; i += 1) inner = `fields { type { ${inner} } }`;
      expect(refusalFor(estimate(`{ __schema { types { ${inner} } } }`), limits)?.extensions).toMatchObject({ cost: { kind: 'depth' } });
    });

    it('should let the standard introspection query through the default limits', () => {
      const cost = estimate(getIntrospectionQuery());
      expect(refusalFor(cost, limits)).toBeUndefined();
      expect(cost.upstreamCalls).toBe(0);
    });
  });

  describe('mutations', () => {
    it('should count a command once per product among its devices', () => {
      const query = `mutation { requestDeviceProperties(input: { codes: ["a"], devices: [
        { productKey: "p1", deviceKey: "a" }, { productKey: "p1", deviceKey: "b" }, { productKey: "p2", deviceKey: "c" }] }) { allAccepted } }`;
      const cost = estimate(query);
      expect(cost.commands).toBe(1);
      expect(cost.upstreamCalls).toBe(2 * 2);
    });
  });
});

describe('the cost table (src/resolvers/cost.table.ts)', () => {
  let schema: GraphQLSchema;
  beforeAll(async () => {
    schema = await buildFederatedSchema(graphResolvers);
  });

  it('should name only fields that exist, so a renamed field cannot silently lose its cost', () => {
    const missing = Object.keys(graphResolvers.costs.fields).filter((key) => {
      const [typeName, fieldName] = key.split('.');
      const type = schema.getType(typeName);
      return !isObjectType(type) || !type.getFields()[fieldName];
    });
    expect(missing).toEqual([]);
  });

  it('should mark every connection field with a first argument as paged', () => {
    const unpaged: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (!isObjectType(type) || type.name.startsWith('__')) continue;
      for (const field of Object.values(type.getFields())) {
        const connection = getNamedType(field.type).name.endsWith('Connection') && field.args.some((arg) => arg.name === 'first');
        if (connection && !graphResolvers.costs.fields[`${type.name}.${field.name}`]?.paged) unpaged.push(`${type.name}.${field.name}`);
      }
    }
    expect(unpaged).toEqual([]);
  });

  it('should name detail types that exist', () => {
    expect(Object.keys(graphResolvers.costs.details).filter((name) => !isObjectType(schema.getType(name)))).toEqual([]);
  });
});
