import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  type GraphQLField,
  type GraphQLInputType,
} from 'graphql';
import { ANONYMOUS_CALLER, callerWith, type Caller } from '../../src/auth/callers/caller';
import type { Scope } from '../../src/schema/scope';
import { startHarness, type Harness } from '../helpers/harness';

/** Mutations that need `control` (commands and device writes); every other mutation must need `admin`. */
const CONTROL_MUTATIONS = [
  'writeDeviceProperties',
  'invokeDeviceService',
  'requestDeviceProperties',
  'sendDeviceRawData',
  'updateDevice',
  'updateDevices',
  'controlDeviceGroup',
];

/** End users' personal fields: only a caller holding `pii` sees them. */
const PERSONAL_FIELDS = ['nickname', 'phone', 'email', 'language', 'registeredAt', 'lastLoginAt'];

const CALLERS: Array<[string, Caller]> = [
  ['anonymous', ANONYMOUS_CALLER],
  ...(['read', 'control', 'admin', 'pii'] as Scope[]).map((scope): [string, Caller] => [scope, callerWith('api-key', [scope], false)]),
];

type AnyField = GraphQLField<any, any>;

/** The scopes a field declares in the SDL (`@requiresScopes(scopes: [["..."]])`). */
function declaredScopes(field: AnyField): string[] {
  const directive = field.astNode?.directives?.find((d) => d.name.value === 'requiresScopes');
  if (!directive) return [];
  return JSON.parse(JSON.stringify(directive.arguments?.[0]?.value)).values.flatMap((v: { values: Array<{ value: string }> }) =>
    v.values.map((s) => s.value),
  );
}

/** A literal of `type` that passes GraphQL validation (not necessarily the resolver's): enough to reach the checks. */
function literalOf(type: GraphQLInputType): string {
  if (isNonNullType(type)) return literalOf(type.ofType);
  if (isListType(type)) return `[${literalOf(type.ofType)}]`;
  if (isEnumType(type)) return type.getValues()[0].name;
  if (isInputObjectType(type)) {
    const fields = Object.values(type.getFields()).filter((f) => isNonNullType(f.type));
    return `{ ${fields.map((f) => `${f.name}: ${literalOf(f.type)}`).join(', ')} }`;
  }
  if (isScalarType(type)) {
    if (type.name === 'Int' || type.name === 'Float') return '1';
    if (type.name === 'Boolean') return 'true';
    if (type.name === 'DateTime') return '"2025-01-01T00:00:00Z"';
    if (type.name === 'JSON' || type.name === 'JSONObject') return '{}';
    return '"x"';
  }
  throw new Error(`no literal for ${String(type)}`);
}

/** `mutation { name(requiredArgs...) { __typename } }` for any mutation of the schema. */
function operationFor(field: AnyField): string {
  const args = field.args.filter((a) => isNonNullType(a.type)).map((a) => `${a.name}: ${literalOf(a.type)}`);
  const selection =
    isObjectType(getNamedType(field.type)) || (!isScalarType(getNamedType(field.type)) && !isEnumType(getNamedType(field.type)))
      ? ' { __typename }'
      : '';
  return `mutation { ${field.name}${args.length ? `(${args.join(', ')})` : ''}${selection} }`;
}

describe('authorization: every mutation against every scope', () => {
  let h: Harness;
  beforeAll(async () => {
    // Auth configured (so anonymous callers are refused); the tests pick their callers directly.
    h = await startHarness({ env: { AUTH_API_KEYS: 'test-key-0123456789:read' } });
  });
  afterAll(() => h.close());
  beforeEach(() => h.sim.log.clear());

  const mutations = () => Object.values(h.app.schema.getMutationType()!.getFields());

  it('should declare control on the command and device-write mutations and admin on every other one', () => {
    const names = mutations().map((m) => m.name);
    expect(names.length).toBeGreaterThanOrEqual(57);
    expect(CONTROL_MUTATIONS.filter((name) => !names.includes(name))).toEqual([]);
    for (const mutation of mutations()) {
      expect({ mutation: mutation.name, scopes: declaredScopes(mutation) }).toEqual({
        mutation: mutation.name,
        scopes: [CONTROL_MUTATIONS.includes(mutation.name) ? 'control' : 'admin'],
      });
    }
  });

  it('should declare read on every query and subscription', () => {
    const roots = [h.app.schema.getQueryType()!, h.app.schema.getSubscriptionType()!];
    const fields = roots.flatMap((root) =>
      Object.values(root.getFields())
        .filter((f) => !f.name.startsWith('_'))
        .map((f) => [`${root.name}.${f.name}`, f] as const),
    );
    expect(fields.length).toBeGreaterThan(20);
    for (const [name, field] of fields) expect({ name, scopes: declaredScopes(field) }).toEqual({ name, scopes: ['read'] });
  });

  describe.each(CALLERS)('as %s', (callerName, caller) => {
    it('should refuse each mutation it lacks the scope for with a coded error and 0 upstream calls', async () => {
      const refusals: Array<{ mutation: string; code: unknown; upstreamCalls: number }> = [];
      const expected: typeof refusals = [];
      for (const mutation of mutations()) {
        const needed = declaredScopes(mutation)[0] as Scope;
        if (caller.scopes.has(needed)) continue;
        h.sim.log.clear();
        const result = await h.execute(operationFor(mutation), undefined, caller);
        refusals.push({ mutation: mutation.name, code: result.errors?.[0]?.extensions?.code, upstreamCalls: h.sim.log.count() });
        expected.push({ mutation: mutation.name, code: callerName === 'anonymous' ? 'UNAUTHENTICATED' : 'FORBIDDEN', upstreamCalls: 0 });
      }
      expect(refusals).toEqual(expected);
      expect(refusals.length).toBeGreaterThanOrEqual(callerName === 'admin' ? 7 : 50);
    });

    it('should let each mutation it holds the scope for past authorization', async () => {
      const granted = mutations().filter((m) => caller.scopes.has(declaredScopes(m)[0] as Scope));
      const codes = [];
      for (const mutation of granted) {
        const result = await h.execute(operationFor(mutation), undefined, caller);
        codes.push({ mutation: mutation.name, denied: ['FORBIDDEN', 'UNAUTHENTICATED'].includes(String(result.errors?.[0]?.extensions?.code)) });
      }
      expect(codes).toEqual(granted.map((m) => ({ mutation: m.name, denied: false })));
    });
  });
});

describe('authorization: every personal field against every scope', () => {
  let h: Harness;
  let uid: string;
  beforeAll(async () => {
    h = await startHarness({ env: { AUTH_API_KEYS: 'test-key-0123456789:read' } });
    const domain = h.sim.store.admin.userDomains()[0].userDomain;
    uid = h.sim.store.admin.users(domain)[0].uid;
  });
  afterAll(() => h.close());

  const readPii = callerWith('api-key', ['read', 'pii'], false);

  it('should declare pii on exactly the personal fields of EndUser, all nullable', () => {
    const type = h.app.schema.getType('EndUser');
    if (!isObjectType(type)) throw new Error('EndUser is not an object type');
    const scoped = Object.values(type.getFields()).filter((f) => declaredScopes(f).includes('pii'));
    expect(scoped.map((f) => f.name).sort()).toEqual([...PERSONAL_FIELDS].sort());
    expect(scoped.filter((f) => isNonNullType(f.type)).map((f) => f.name)).toEqual([]);
  });

  describe.each(PERSONAL_FIELDS)('EndUser.%s', (field) => {
    const query = () => `{ endUser(uid: "${uid}") { uid ${field} } }`;

    it('should answer it to a caller holding read and pii', async () => {
      const { data, errors } = await h.execute<{ endUser: Record<string, unknown> }>(query(), undefined, readPii);
      expect(errors).toBeUndefined();
      expect(data!.endUser.uid).toBe(uid);
      expect(field in data!.endUser).toBe(true);
    });

    it('should answer null and a coded FORBIDDEN to a read caller, without an extra upstream call', async () => {
      h.sim.log.clear();
      await h.execute(`{ endUser(uid: "${uid}") { uid } }`, undefined, readPii);
      const withoutField = h.sim.log.count();
      h.sim.log.clear();
      const { data, errors } = await h.execute<{ endUser: Record<string, unknown> }>(query(), undefined, callerWith('api-key', ['read'], false));
      expect(data!.endUser).toEqual({ uid, [field]: null });
      expect(errors!.map((e) => ({ path: e.path, code: e.extensions?.code, requiredScopes: e.extensions?.requiredScopes }))).toEqual([
        { path: ['endUser', field], code: 'FORBIDDEN', requiredScopes: ['pii'] },
      ]);
      expect(h.sim.log.count()).toBe(withoutField);
    });

    it('should refuse it on list rows before loading any detail the rows lack', async () => {
      const read = callerWith('api-key', ['read'], false);
      const list = (fields: string) => `{ boundEndUsers(first: 3) { edges { node { ${fields} } } } }`;
      h.sim.log.clear();
      const plain = await h.execute<{ boundEndUsers: { edges: Array<{ node: { uid: string } }> } }>(list('uid'), undefined, read);
      const withoutField = h.sim.log.count();
      h.sim.log.clear();
      const { data, errors } = await h.execute<{ boundEndUsers: { edges: Array<{ node: Record<string, unknown> }> } }>(
        list(`uid ${field}`),
        undefined,
        read,
      );
      const uids = plain.data!.boundEndUsers.edges.map((e) => e.node.uid);
      expect(uids.length).toBeGreaterThan(0);
      expect(data!.boundEndUsers.edges.map((e) => e.node)).toEqual(uids.map((u) => ({ uid: u, [field]: null })));
      expect(new Set(errors!.map((e) => e.extensions?.code))).toEqual(new Set(['FORBIDDEN']));
      expect(h.sim.log.count()).toBe(withoutField);
    });

    it.each(CALLERS.filter(([name]) => name !== 'read'))('should refuse the whole query to %s with 0 upstream calls', async (callerName, caller) => {
      h.sim.log.clear();
      const { data, errors } = await h.execute<{ endUser: unknown }>(query(), undefined, caller);
      expect(data?.endUser ?? null).toBeNull();
      expect(errors![0].extensions?.code).toBe(callerName === 'anonymous' ? 'UNAUTHENTICATED' : 'FORBIDDEN');
      expect(h.sim.log.count()).toBe(0);
    });
  });
});
