import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Kind, parse, print, visit, type ASTNode, type OperationDefinitionNode } from 'graphql';
import { startHarness, type Harness } from '../helpers/harness';

/** `product { devices(first: 2) { edges { node { product { devices(first: 2) ... } } } } }`, `levels` times. */
function nestedProductDevices(productKey: string, levels: number): string {
  return `{ product(productKey: "${productKey}") { devices(first: 2) { edges { node { ${deviceNesting(levels)} } } } } }`;
}

/** A device selection that goes back to its product's devices `levels` times. */
function deviceNesting(levels: number): string {
  let inner = 'deviceKey';
  for (let i = 0; i < levels; i += 1) inner = `product { devices(first: 2) { edges { node { ${inner} } } } }`;
  return inner;
}

/** products(first:100) > devices(first:100) > every per-device field, plus aliases: the issue's 7,200-call query. */
const FAN_OUT = `{
  products(first: 100) { edges { node { productKey thingModel { properties { code } } project { id }
    devices(first: 100) { edges { node {
      deviceKey product { name } resources { battery } gateway { deviceKey } location { accuracy }
      properties { code } messages(first: 5) { totalCount } events(first: 5) { totalCount }
      boundUsers(first: 5) { totalCount } groups(first: 5) { totalCount } subDevices(first: 5) { totalCount }
      again: resources { voltage }
    } } }
  } } }
}`;

const README_FIRST_QUERY = `{
  products(first: 10) {
    totalCount
    edges { node {
      productKey name accessType
      thingModel { properties { code name dataType access } }
      devices(first: 5, status: ONLINE) {
        totalCount
        edges { node { deviceKey name status lastConnectedAt gateway { deviceKey name } } }
        pageInfo { hasNextPage endCursor }
      }
    } }
  }
}`;

describe('bounded query cost (docs/limits.md)', () => {
  let h: Harness;
  let calls = 0;
  let productKey: string;

  beforeAll(async () => {
    h = await startHarness({ overrides: { observeUpstream: () => (calls += 1) } });
    productKey = h.sim.store.authorizedProducts()[0].productKey;
    // Warm the token so counts below are of business calls only.
    await h.execute('{ products(first: 1) { totalCount } }');
  });
  afterAll(() => h.close());

  /** Runs one operation and counts the upstream calls it made. */
  async function run(query: string, variables?: Record<string, unknown>) {
    calls = 0;
    const result = await h.execute(query, variables);
    return { ...result, calls };
  }

  function estimate(query: string, variables?: Record<string, unknown>, operationName?: string) {
    return h.app.queryCost.estimate(parse(query), operationName, variables);
  }

  describe('deep nesting', () => {
    it('should refuse the 30-level product/devices query with QUERY_TOO_COMPLEX and no upstream call', async () => {
      const { data, errors, calls: made } = await run(nestedProductDevices(productKey, 30));
      expect(data).toBeUndefined();
      expect(errors).toHaveLength(1);
      expect(errors![0].extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', cost: { kind: 'depth', limit: 12 } });
      expect(errors![0].message).toMatch(/depth \d+ exceeds the limit of 12/);
      expect(made).toBe(0);
    });

    it('should still answer the next query after refusing it', async () => {
      await run(nestedProductDevices(productKey, 30));
      const { errors, data } = await run(`{ product(productKey: "${productKey}") { productKey } }`);
      expect(errors).toBeUndefined();
      expect(data).toEqual({ product: { productKey } });
    });

    it('should estimate the nested query exponentially, so a deeper depth limit alone cannot let it through', () => {
      const shallow = estimate(nestedProductDevices(productKey, 8)).upstreamCalls;
      const deeper = estimate(nestedProductDevices(productKey, 9)).upstreamCalls;
      expect(deeper).toBeGreaterThanOrEqual(shallow * 2);
    });
  });

  describe('upstream call budget', () => {
    it('should refuse the fan-out query with its estimate and the limit, before any upstream call', async () => {
      const { errors, calls: made } = await run(FAN_OUT);
      expect(made).toBe(0);
      expect(errors![0].extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', cost: { kind: 'upstreamCalls', limit: 500 } });
      const cost = errors![0].extensions!.cost as { estimated: number };
      expect(cost.estimated).toBeGreaterThan(7200);
      expect(errors![0].message).toContain(`${cost.estimated} exceeds the limit of 500`);
    });

    it('should let the README first query run within the budget', async () => {
      const estimated = estimate(README_FIRST_QUERY).upstreamCalls;
      const { errors, calls: made } = await run(README_FIRST_QUERY);
      expect(errors).toBeUndefined();
      expect(estimated).toBeLessThanOrEqual(500);
      expect(estimated).toBeGreaterThanOrEqual(made);
    });

    it('should estimate with the values of variables', () => {
      const query = 'query($n: Int!) { products(first: $n) { edges { node { devices(first: $n) { totalCount } } } } }';
      expect(estimate(query, { n: 2 }).upstreamCalls).toBe(1 + 2);
      expect(estimate(query, { n: 100 }).upstreamCalls).toBe(1 + 100);
    });

    it('should honour a budget set through QUERY_MAX_UPSTREAM_CALLS', async () => {
      const strict = await startHarness({ env: { QUERY_MAX_UPSTREAM_CALLS: '5' } });
      try {
        const response = await strict.execute('{ products(first: 10) { edges { node { thingModel { properties { code } } } } } }');
        expect(response.errors![0].extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', cost: { kind: 'upstreamCalls', estimated: 11, limit: 5 } });
      } finally {
        await strict.close();
      }
    });
  });

  describe('aliases', () => {
    it('should count every alias as a field of its own', () => {
      const one = estimate(`{ a: product(productKey: "${productKey}") { thingModel { properties { code } } } }`).upstreamCalls;
      const aliases = Array.from({ length: 10 }, (_, i) => `a${i}: product(productKey: "${productKey}") { thingModel { properties { code } } }`);
      expect(estimate(`{ ${aliases.join(' ')} }`).upstreamCalls).toBe(one * 10);
    });

    it('should refuse more aliases than QUERY_MAX_ALIASES with no upstream call', async () => {
      const aliases = Array.from({ length: 51 }, (_, i) => `a${i}: __typename`);
      const { errors, calls: made } = await run(`{ ${aliases.join(' ')} }`);
      expect(errors![0].extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', cost: { kind: 'aliases', estimated: 51, limit: 50 } });
      expect(made).toBe(0);
    });
  });

  describe('commands', () => {
    function commandAliases(count: number, deviceKey: string): string {
      const input = `{ devices: [{ productKey: "${productKey}", deviceKey: "${deviceKey}" }], payload: "01", encoding: HEX }`;
      return `mutation { ${Array.from({ length: count }, (_, i) => `c${i}: sendDeviceRawData(input: ${input}) { allAccepted }`).join(' ')} }`;
    }

    it('should refuse 11 command mutations in one operation without sending any downlink', async () => {
      const deviceKey = h.sim.store.devices(productKey)[0].deviceKey;
      const { errors, calls: made } = await run(commandAliases(11, deviceKey));
      expect(errors![0].extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', cost: { kind: 'commands', estimated: 11, limit: 10 } });
      expect(made).toBe(0);
    });

    it('should refuse 200 aliased commands (the issue) by the alias cap before counting commands', async () => {
      const deviceKey = h.sim.store.devices(productKey)[0].deviceKey;
      const { errors, calls: made } = await run(commandAliases(200, deviceKey));
      expect(errors![0].extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', cost: { kind: 'aliases' } });
      expect(made).toBe(0);
    });

    it('should count commands that arrive through a fragment', () => {
      const query = `mutation { ...Twice } fragment Twice on Mutation {
        a: requestDeviceProperties(input: { devices: [{ productKey: "p", deviceKey: "d" }], codes: ["x"] }) { allAccepted }
        b: requestDeviceProperties(input: { devices: [{ productKey: "p", deviceKey: "d" }], codes: ["x"] }) { allAccepted } }`;
      expect(estimate(query).commands).toBe(2);
    });
  });

  describe('fragments', () => {
    it('should expand named and inline fragments into the estimate', () => {
      const plain = estimate('{ products(first: 10) { edges { node { thingModel { properties { code } } } } } }').upstreamCalls;
      const viaFragments = estimate(
        '{ products(first: 10) { ...P } } fragment P on ProductConnection { edges { node { ... on Product { ...T } } } } fragment T on Product { thingModel { properties { code } } }',
      ).upstreamCalls;
      expect(viaFragments).toBe(plain);
    });

    it('should refuse fragments that multiply (each spreading the next in several places) with no upstream call', async () => {
      const levels = 20;
      const fragments = Array.from({ length: levels }, (_, i) =>
        i === levels - 1
          ? `fragment F${i} on Device { deviceKey }`
          : `fragment F${i} on Device { product { devices(first: 1) { edges { node { ...F${i + 1} } } } } gateway { ...F${i + 1} } }`,
      );
      const query = `{ device(productKey: "${productKey}", deviceKey: "x") { ...F0 } } ${fragments.join(' ')}`;
      const { errors, calls: made } = await run(query);
      expect(errors![0].extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX' });
      expect(made).toBe(0);
    });

    it('should refuse a fragment cycle as invalid without estimating it forever', async () => {
      const { errors, calls: made } = await run(
        '{ products { ...A } } fragment A on ProductConnection { ...B } fragment B on ProductConnection { ...A }',
      );
      expect(errors![0].extensions!.code).toBe('GRAPHQL_VALIDATION_FAILED');
      expect(made).toBe(0);
    });
  });

  describe('subscriptions', () => {
    it('should estimate the per-event selection of a subscription', () => {
      const query = 'subscription { deviceMessages { device { resources { battery } product { thingModel { properties { code } } } } } }';
      expect(estimate(query).upstreamCalls).toBeGreaterThanOrEqual(3);
    });

    it('should refuse a deep subscription with the same limits', () => {
      const refusal = h.app.queryCost.check(parse(`subscription { deviceMessages { device { ${deviceNesting(30)} } } }`));
      expect(refusal?.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', cost: { kind: 'depth' } });
    });
  });
});

/** The client operations shipped in operations/*.graphql, with variables from the simulator's seed. */
describe('estimates bound the real cost of the shipped operations (operations/*.graphql)', () => {
  let h: Harness;
  let calls = 0;

  beforeAll(async () => {
    h = await startHarness({ overrides: { observeUpstream: () => (calls += 1) } });
    await h.execute('{ products(first: 1) { totalCount } }');
  });
  afterAll(() => h.close());

  const operationsDir = resolve(__dirname, '../../operations');
  const documents = readdirSync(operationsDir)
    .filter((file) => file.endsWith('.graphql'))
    .map((file) => parse(readFileSync(resolve(operationsDir, file), 'utf8')));
  const definitions = documents.flatMap((document) => document.definitions);
  const fragments = new Map(definitions.flatMap((d) => (d.kind === Kind.FRAGMENT_DEFINITION ? [[d.name.value, d] as const] : [])));
  /** The operation and the fragments it uses, from any file (fragments are shared across files). */
  function withFragments(operation: OperationDefinitionNode): string {
    const used = new Set<string>();
    const pending: ASTNode[] = [operation];
    while (pending.length > 0) {
      visit(pending.pop()!, {
        FragmentSpread(spread) {
          if (used.has(spread.name.value)) return;
          used.add(spread.name.value);
          pending.push(fragments.get(spread.name.value)!);
        },
      });
    }
    return [operation, ...[...used].map((name) => fragments.get(name)!)].map((d) => print(d)).join('\n');
  }
  const queries = definitions
    .filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION && d.operation === 'query')
    .map((operation) => ({ name: operation.name!.value, text: withFragments(operation) }));

  /** Variables by name: a gateway and one of its current sub-devices, an end user with devices, pages of 50. */
  function variablesFor(h: Harness, name: string, first: number): Record<string, unknown> {
    const store = h.sim.store;
    const gatewayProduct = store.authorizedProducts().find((p) => p.accessType === 1)!;
    const gateway = store.devices(gatewayProduct.productKey)[0];
    const user = store.admin.users()[0];
    const subDevice = name === 'SubDeviceGateway';
    const product = subDevice ? store.authorizedProducts().find((p) => p.accessType === 2)! : gatewayProduct;
    const device = subDevice ? store.devices(product.productKey)[0] : gateway;
    return { productKey: product.productKey, deviceKey: device.deviceKey, uid: user.uid, first };
  }

  it.each(queries.flatMap((q) => [1, 50].map((first) => ({ ...q, first }))))(
    'should estimate $name (first=$first) at or above the upstream calls it makes, and within the budget',
    async ({ name, text, first }) => {
      const variables = variablesFor(h, name, first);
      const estimated = h.app.queryCost.estimate(parse(text), name, variables).upstreamCalls;
      calls = 0;
      const response = await h.app.server.executeOperation({ query: text, operationName: name, variables }, { contextValue: h.app.createContext() });
      if (response.body.kind !== 'single') throw new Error('expected a single result');
      expect(response.body.singleResult.errors?.filter((e) => e.extensions?.code === 'QUERY_TOO_COMPLEX') ?? []).toEqual([]);
      expect(response.body.singleResult.errors).toBeUndefined();
      expect(calls).toBeGreaterThan(0);
      expect(estimated).toBeGreaterThanOrEqual(calls);
      expect(estimated).toBeLessThanOrEqual(500);
    },
  );
});
