import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type GraphQLSchema,
} from 'graphql';

/** One request of the sweep: a raw HTTP body, so malformed and oversized ones fit too. */
export interface HostileInput {
  kind: 'injection' | 'deep' | 'wide' | 'aliased' | 'oversized' | 'malformed';
  label: string;
  body: string;
  contentType?: string;
}

/**
 * Strings that try SQL, path, header, template, prototype and encoding tricks, plus sizes near the limits. None may
 * produce a 5xx or an uncoded error; upstream must only ever see them encoded (the simulator answers them normally).
 */
export const INJECTIONS: readonly string[] = [
  "' OR '1'='1' --",
  '"; DROP TABLE devices; --',
  '../../../../etc/passwd',
  '%2e%2e%2f%2e%2e%2fadmin',
  'a\u0000b',
  '\r\nX-Injected: 1\r\n',
  '<script>alert(1)</script>',
  '${jndi:ldap://127.0.0.1/x}',
  '{{7*7}}',
  '__proto__',
  '?pageSize=100000&productKey=other#',
  '🤖\uD800',
  '',
  'x'.repeat(100_000),
];

const VAR_TYPE = (type: GraphQLInputType): string => String(type);

/** Whether a leaf takes text: where injection strings go. */
function isTextLeaf(type: GraphQLNamedType): boolean {
  return isScalarType(type) && ['String', 'ID', 'JSON', 'DateTime'].includes(type.name);
}

/**
 * A value for `type`: `text` in every text leaf when given (the injection), else a benign valid value. Optional
 * input fields are filled only when they can carry the injection, so every string position gets it.
 */
function valueFor(type: GraphQLInputType, text: string | undefined, depth = 0): unknown {
  if (isNonNullType(type)) return valueFor(type.ofType, text, depth);
  if (isListType(type)) return [valueFor(type.ofType, text, depth)];
  if (isEnumType(type)) return type.getValues()[0].name;
  if (isInputObjectType(type)) {
    const out: Record<string, unknown> = {};
    for (const field of Object.values(type.getFields())) {
      const required = isNonNullType(field.type) && field.defaultValue === undefined;
      if (required || (text !== undefined && depth < 3 && carriesText(field.type))) out[field.name] = valueFor(field.type, text, depth + 1);
    }
    return out;
  }
  if (isScalarType(type)) {
    if (text !== undefined && isTextLeaf(type)) return type.name === 'JSON' ? { text } : text;
    switch (type.name) {
      case 'Int':
        return 1;
      case 'Float':
        return 1.5;
      case 'Boolean':
        return false;
      case 'DateTime':
        return '2025-01-01T00:00:00.000Z';
      case 'JSON':
        return {};
      default:
        return 'x';
    }
  }
  return null;
}

function carriesText(type: GraphQLInputType, seen = new Set<string>()): boolean {
  const named = getNamedType(type);
  if (isInputObjectType(named)) {
    if (seen.has(named.name)) return false;
    seen.add(named.name);
    return Object.values(named.getFields()).some((field) => carriesText(field.type, seen));
  }
  return isTextLeaf(named);
}

/** The cheapest valid selection on a field's type: `__typename` for composites, nothing for leaves. */
function leafSelection(field: GraphQLField<unknown, unknown>): string {
  return isLeafType(getNamedType(field.type)) ? '' : ' { __typename }';
}

interface PathStep {
  field: GraphQLField<unknown, unknown>;
}

/**
 * Shortest field path from Query to each object type. First only through fields without required arguments (lists
 * like `products`, which reach real rows, so the field under test actually runs), then through any field for the rest.
 */
function pathsFromQuery(schema: GraphQLSchema): Map<string, PathStep[]> {
  const query = schema.getQueryType()!;
  const paths = new Map<string, PathStep[]>([[query.name, []]]);
  for (const argumentFreeOnly of [true, false]) {
    const queue: GraphQLObjectType[] = [...paths.keys()].map((name) => schema.getType(name)).filter(isObjectType);
    while (queue.length > 0) {
      const type = queue.shift()!;
      for (const field of Object.values(type.getFields())) {
        if (field.name.startsWith('_') || (argumentFreeOnly && requiredArgs(field).length > 0)) continue;
        const target = getNamedType(field.type);
        if (!isObjectType(target) || paths.has(target.name)) continue;
        paths.set(target.name, [...paths.get(type.name)!, { field }]);
        queue.push(target);
      }
    }
  }
  return paths;
}

/** `name(arg: $v0, ...)` over benign values for the path's own arguments, collected into `variables`. */
function callOf(field: GraphQLField<unknown, unknown>, args: readonly GraphQLArgument[], text: string | undefined, vars: Vars): string {
  const parts = args.map((arg) => `${arg.name}: ${vars.add(arg.type, valueFor(arg.type, text))}`);
  return parts.length > 0 ? `${field.name}(${parts.join(', ')})` : field.name;
}

class Vars {
  readonly declarations: string[] = [];
  readonly values: Record<string, unknown> = {};
  add(type: GraphQLInputType, value: unknown): string {
    const name = `v${this.declarations.length}`;
    this.declarations.push(`$${name}: ${VAR_TYPE(type)}`);
    this.values[name] = value;
    return `$${name}`;
  }
}

/** Required arguments (benign) of a step on the way to the field under test. */
function requiredArgs(field: GraphQLField<unknown, unknown>): GraphQLArgument[] {
  return field.args.filter((arg) => isNonNullType(arg.type) && arg.defaultValue === undefined);
}

/** Arguments that get the injection: every one that can carry text, plus the required ones. */
function injectedArgs(field: GraphQLField<unknown, unknown>): GraphQLArgument[] {
  return field.args.filter((arg) => carriesText(arg.type) || (isNonNullType(arg.type) && arg.defaultValue === undefined));
}

/**
 * Every field (any type reachable from Query, plus every mutation) with an argument that takes text, once per
 * injection string, with the string in every text position of every argument.
 */
export function injectionInputs(schema: GraphQLSchema): HostileInput[] {
  const inputs: HostileInput[] = [];
  const paths = pathsFromQuery(schema);
  const roots: Array<{ op: 'query' | 'mutation'; type: GraphQLObjectType; path: PathStep[] }> = [];
  for (const [typeName, path] of paths) {
    const type = schema.getType(typeName);
    if (isObjectType(type)) roots.push({ op: 'query', type, path });
  }
  const mutation = schema.getMutationType();
  if (mutation) roots.push({ op: 'mutation', type: mutation, path: [] });

  for (const { op, type, path } of roots) {
    for (const field of Object.values(type.getFields())) {
      if (field.name.startsWith('_') || !field.args.some((arg) => carriesText(arg.type))) continue;
      for (const text of INJECTIONS) {
        const vars = new Vars();
        const inner = `${callOf(field, injectedArgs(field), text, vars)}${leafSelection(field)}`;
        const selection = path.reduceRight(
          (acc, step) => `${callOf(step.field, requiredArgs(step.field), undefined, vars)} { ${wrapFor(step.field, acc)} }`,
          inner,
        );
        const document = `${op} Sweep${vars.declarations.length ? `(${vars.declarations.join(', ')})` : ''} { ${selection} }`;
        inputs.push({
          kind: 'injection',
          label: `${type.name}.${field.name} <- ${JSON.stringify(text.slice(0, 20))}`,
          body: JSON.stringify({ query: document, variables: vars.values }),
        });
      }
    }
  }
  return inputs;
}

/** Interfaces on the way need no fragment (we only ask fields they declare); lists and connections are selected as-is. */
function wrapFor(_field: GraphQLField<unknown, unknown>, inner: string): string {
  return inner;
}

const gql = (query: string, extra: Record<string, unknown> = {}) => JSON.stringify({ query, ...extra });

/** Nested product > devices > product ... queries, linear (first: 1) and fanning out (first: 2). */
export function deepInputs(maxDepth: number, fanOutDepths: readonly number[]): HostileInput[] {
  const nest = (depth: number, first: number): string => {
    let inner = 'deviceKey';
    for (let level = 0; level < depth; level++) inner = `deviceKey product { devices(first: ${first}) { edges { node { ${inner} } } } }`;
    return `{ products(first: ${first}) { edges { node { devices(first: ${first}) { edges { node { ${inner} } } } } } } }`;
  };
  const inputs: HostileInput[] = [];
  for (let depth = 1; depth <= maxDepth; depth += 3) inputs.push({ kind: 'deep', label: `linear depth ${depth}`, body: gql(nest(depth, 1)) });
  for (const depth of fanOutDepths) inputs.push({ kind: 'deep', label: `fan-out depth ${depth}`, body: gql(nest(depth, 2)) });
  // Syntax-only depth: the parser and validator must refuse these without running anything.
  for (const depth of [100, 1_000, 5_000]) {
    inputs.push({ kind: 'deep', label: `selection depth ${depth}`, body: gql(`{ ${'products { '.repeat(depth)}totalCount${' }'.repeat(depth)} }`) });
    // Written as text: JSON.stringify itself recurses, and would overflow here before the service sees anything.
    const nestedList = `${'['.repeat(depth)}"x"${']'.repeat(depth)}`;
    inputs.push({
      kind: 'deep',
      label: `list variable depth ${depth}`,
      body: `{"query":"query Q($k: String!) { product(productKey: $k) { name } }","variables":{"k":${nestedList}}}`,
    });
  }
  return inputs;
}

/** Many fields or fragments in one selection. */
export function wideInputs(schema: GraphQLSchema): HostileInput[] {
  const query = schema.getQueryType()!;
  const cheapRoots = Object.values(query.getFields()).filter((f) => !f.name.startsWith('_') && requiredArgs(f).length === 0);
  const inputs: HostileInput[] = [];
  const vars = new Vars();
  const all = cheapRoots.map((f) => `${callOf(f, requiredArgs(f), undefined, vars)}${leafSelection(f)}`).join(' ');
  inputs.push({ kind: 'wide', label: 'every argument-free root field', body: gql(`{ ${all} }`) });
  for (const count of [1_000, 10_000]) inputs.push({ kind: 'wide', label: `${count} __typename`, body: gql(`{ ${'__typename '.repeat(count)}}`) });
  for (const count of [100, 1_000]) {
    const fragments = Array.from({ length: count }, (_, i) => `fragment F${i} on Query { __typename }`).join(' ');
    inputs.push({
      kind: 'wide',
      label: `${count} fragments`,
      body: gql(`{ ${Array.from({ length: count }, (_, i) => `...F${i}`).join(' ')} } ${fragments}`),
    });
  }
  inputs.push({
    kind: 'wide',
    label: 'every Device field',
    body: gql(`{ devices(productKey: "pX1", first: 5) { edges { node { ${scalarFields(schema, 'Device')} } } } }`),
  });
  inputs.push({
    kind: 'wide',
    label: 'every Product field',
    body: gql(`{ products(first: 20) { edges { node { ${scalarFields(schema, 'Product')} } } } }`),
  });
  return inputs;
}

function scalarFields(schema: GraphQLSchema, typeName: string): string {
  const type = schema.getType(typeName);
  if (!isObjectType(type)) return '__typename';
  return Object.values(type.getFields())
    .filter((f) => isLeafType(getNamedType(f.type)) && requiredArgs(f).length === 0)
    .map((f) => f.name)
    .join(' ');
}

/** Aliases multiplying one field, queries and mutations. */
export function aliasedInputs(aliasCounts: readonly number[]): HostileInput[] {
  const inputs: HostileInput[] = [];
  for (const count of aliasCounts) {
    const distinct = Array.from({ length: count }, (_, i) => `a${i}: product(productKey: "p${i}") { name }`).join(' ');
    inputs.push({ kind: 'aliased', label: `${count} aliases of product (distinct keys)`, body: gql(`{ ${distinct} }`) });
    const same = Array.from({ length: count }, (_, i) => `a${i}: products(first: 1) { totalCount }`).join(' ');
    inputs.push({ kind: 'aliased', label: `${count} aliases of products`, body: gql(`{ ${same} }`) });
    const typename = Array.from({ length: count * 10 }, (_, i) => `t${i}: __typename`).join(' ');
    inputs.push({ kind: 'aliased', label: `${count * 10} aliases of __typename`, body: gql(`{ ${typename} }`) });
  }
  // One command mutation aliased many times: each would be a downlink sent to a device, so the cap must refuse it whole.
  const command =
    'requestDeviceProperties(input: { devices: [{ productKey: "p1awgC", deviceKey: "868679037598952" }], codes: ["voltage"] }) { acceptedCount }';
  const commands = Array.from({ length: 200 }, (_, i) => `c${i}: ${command}`).join(' ');
  inputs.push({ kind: 'aliased', label: '200 aliases of a command mutation', body: gql(`mutation { ${commands} }`) });
  return inputs;
}

/** Bodies over the limit, and big but allowed variables. */
export function oversizedInputs(maxBodyBytes: number): HostileInput[] {
  const pad = (bytes: number) => 'x'.repeat(bytes);
  return [
    ...[1.01, 1.5, 2, 4].map((factor) => ({
      kind: 'oversized' as const,
      label: `${factor}x the body limit`,
      body: gql('{ __typename }', { variables: { pad: pad(Math.ceil(maxBodyBytes * factor)) } }),
    })),
    { kind: 'oversized', label: 'a query string just under the limit', body: gql(`{ __typename }${' '.repeat(maxBodyBytes - 200)}`) },
    {
      kind: 'oversized',
      label: 'a string variable just under the limit',
      body: gql('query Q($k: String!) { product(productKey: $k) { name } }', { variables: { k: pad(maxBodyBytes - 200) } }),
    },
  ];
}

/** Requests that are not GraphQL, or not quite. */
export function malformedInputs(): HostileInput[] {
  const bodies: Array<[string, string, string?]> = [
    ['invalid JSON', '{"query": '],
    ['JSON null', 'null'],
    ['JSON array of queries', '[{"query":"{ __typename }"},{"query":"{ __typename }"}]'],
    ['query is a number', '{"query": 42}'],
    ['variables is a string', '{"query":"{ __typename }","variables":"x"}'],
    ['extensions is a string', '{"query":"{ __typename }","extensions":"x"}'],
    ['unknown operationName', '{"query":"query A { __typename }","operationName":"B"}'],
    ['two anonymous operations', '{"query":"{ __typename } { __typename }"}'],
    ['syntax error', '{"query":"{ products( }"}'],
    ['empty query', '{"query":""}'],
    ['no query', '{}'],
    ['subscription over HTTP', '{"query":"subscription { deviceMessages { __typename } }"}'],
    ['variable of the wrong type', '{"query":"query Q($n: Int!) { products(first: $n) { totalCount } }","variables":{"n":"many"}}'],
    ['huge Int', '{"query":"{ products(first: 99999999999999999999) { totalCount } }"}'],
    ['negative page size', '{"query":"{ products(first: -1) { totalCount } }"}'],
    ['persisted query, bad version', '{"extensions":{"persistedQuery":{"version":9,"sha256Hash":"x"}}}'],
    ['persisted query, wrong hash', `{"query":"{ __typename }","extensions":{"persistedQuery":{"version":1,"sha256Hash":"${'0'.repeat(64)}"}}}`],
    ['persisted query, unknown hash', `{"extensions":{"persistedQuery":{"version":1,"sha256Hash":"${'a'.repeat(64)}"}}}`],
    ['persisted query, not an object', '{"extensions":{"persistedQuery":true}}'],
    ['text/plain body', '{ __typename }', 'text/plain'],
    ['form body', 'query=%7B__typename%7D', 'application/x-www-form-urlencoded'],
    ['_entities without representations', '{"query":"{ _entities(representations: []) { __typename } }"}'],
    [
      '_entities with hostile representations',
      `{"query":"query Q($r: [_Any!]!) { _entities(representations: $r) { __typename } }","variables":{"r":[{"__typename":"Device","productKey":"' OR 1=1","deviceKey":"../x"},{"__typename":"Nope"},{"__proto__":{"x":1}}]}}`,
    ],
  ];
  return bodies.map(([label, body, contentType]) => ({ kind: 'malformed', label, body, contentType }));
}
