import {
  isEnumType,
  isInputObjectType,
  isIntrospectionType,
  isObjectType,
  isInterfaceType,
  isSpecifiedScalarType,
  type GraphQLSchema,
} from 'graphql';
import { buildFederatedSchema } from '../../src/schema/build-schema';
import { graphResolvers } from '../../src/resolvers';

/** Added by the federation library, not by us: they carry Apollo's descriptions or none. */
const FEDERATION_TYPES = new Set([
  '_Service',
  '_Any',
  '_Entity',
  'FieldSet',
  'link__Import',
  'link__Purpose',
  'federation__FieldSet',
  'federation__Scope',
  'federation__Policy',
  'federation__ContextFieldValue',
]);
const FEDERATION_FIELDS = new Set(['Query._entities', 'Query._service']);

/**
 * Every type, field and argument (and input field) of ours without a description, as `Type`, `Type.field`,
 * `Type.field(arg)`.
 */
function undocumented(schema: GraphQLSchema): string[] {
  const missing: string[] = [];
  // Root operation types are conventional containers; their fields are what needs documenting.
  const roots = new Set([schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()].filter(Boolean));
  for (const type of Object.values(schema.getTypeMap())) {
    if (isIntrospectionType(type) || isSpecifiedScalarType(type) || FEDERATION_TYPES.has(type.name)) continue;
    if (!type.description?.trim() && !roots.has(type as never)) missing.push(type.name);
    if (isObjectType(type) || isInterfaceType(type)) {
      for (const field of Object.values(type.getFields())) {
        const path = `${type.name}.${field.name}`;
        if (FEDERATION_FIELDS.has(path)) continue;
        if (!field.description?.trim()) missing.push(path);
        for (const arg of field.args) if (!arg.description?.trim()) missing.push(`${path}(${arg.name})`);
      }
    }
    if (isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) if (!field.description?.trim()) missing.push(`${type.name}.${field.name}`);
    }
  }
  return missing;
}

function undocumentedEnumValues(schema: GraphQLSchema): string[] {
  return Object.values(schema.getTypeMap())
    .filter(isEnumType)
    .filter((type) => !isIntrospectionType(type) && !FEDERATION_TYPES.has(type.name))
    .flatMap((type) =>
      type
        .getValues()
        .filter((value) => !value.description?.trim())
        .map((value) => `${type.name}.${value.name}`),
    );
}

describe('schema documentation', () => {
  let schema: GraphQLSchema;
  beforeAll(async () => {
    schema = await buildFederatedSchema(graphResolvers);
  });

  it('should describe every type, field and argument in the SDL', () => {
    expect(undocumented(schema)).toEqual([]);
  });

  it('should not count federation-injected definitions against us', () => {
    expect(schema.getQueryType()!.getFields()._entities).toBeDefined();
    expect(undocumented(schema).some((path) => path.startsWith('_') || path.startsWith('Query._'))).toBe(false);
  });

  it('should describe every enum value too', () => {
    expect(undocumentedEnumValues(schema)).toEqual([]);
  });

  it('should say in every mutation whether it is idempotent', () => {
    // Callers retry on timeouts; the description is where they learn whether a retry can do the work twice.
    const mutations = Object.values(schema.getMutationType()!.getFields());
    expect(mutations.length).toBeGreaterThan(40);
    expect(mutations.filter((field) => !/Idempotent: (yes|no)\./.test(field.description ?? '')).map((field) => field.name)).toEqual([]);
  });
});
