import { startHarness, type Harness } from '../helpers/harness';

describe('the device graph', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.close());

  async function productsByAccessType(): Promise<Record<string, string[]>> {
    const { data } = await h.execute<{ products: { edges: Array<{ node: { productKey: string; accessType: string } }> } }>(
      '{ products(first: 100) { edges { node { productKey accessType } } } }',
    );
    const groups: Record<string, string[]> = {};
    for (const { node } of data!.products.edges) {
      groups[node.accessType] ??= [];
      groups[node.accessType].push(node.productKey);
    }
    return groups;
  }

  it('should list every authorized product with typed fields', async () => {
    const { data, errors } = await h.execute<{ products: { totalCount: number; edges: Array<{ node: Record<string, unknown> }> } }>(
      '{ products(first: 100) { totalCount edges { node { productKey name accessType dataFormat network createdAt updatedAt } } } }',
    );
    expect(errors).toBeUndefined();
    expect(data!.products.totalCount).toBeGreaterThanOrEqual(6);
    expect(data!.products.edges).toHaveLength(data!.products.totalCount);
    const kinds = new Set(data!.products.edges.map((e) => e.node.accessType));
    expect(kinds).toEqual(new Set(['DIRECT', 'GATEWAY', 'SUB_DEVICE']));
    for (const { node } of data!.products.edges) {
      expect(node.productKey).toMatch(/^[A-Za-z0-9]+$/);
      expect(typeof node.name).toBe('string');
      expect(new Date(node.createdAt as string).getTime()).toBeGreaterThan(Date.UTC(2015, 0, 1));
    }
  });

  it('should walk a gateway to its sub-devices and each sub-device back to its gateway', async () => {
    const { GATEWAY: gateways } = await productsByAccessType();
    const { data, errors } = await h.execute<{
      devices: {
        edges: Array<{
          node: {
            deviceKey: string;
            subDevices: {
              totalCount: number;
              edges: Array<{
                current: boolean;
                node: {
                  productKey: string;
                  deviceKey: string;
                  gateway: { productKey: string; deviceKey: string } | null;
                  product: { accessType: string };
                };
              }>;
            };
          };
        }>;
      };
    }>(
      `query($pk: String!) { devices(productKey: $pk, first: 3) { edges { node {
         deviceKey
         subDevices(first: 50) { totalCount edges { current node { productKey deviceKey product { accessType } gateway { productKey deviceKey } } } }
       } } } }`,
      { pk: gateways[0] },
    );
    expect(errors).toBeUndefined();
    let checked = 0;
    for (const { node: gateway } of data!.devices.edges) {
      expect(gateway.subDevices.totalCount).toBeGreaterThanOrEqual(5);
      expect(gateway.subDevices.totalCount).toBeLessThanOrEqual(50);
      for (const edge of gateway.subDevices.edges) {
        expect(edge.node.product.accessType).toBe('SUB_DEVICE');
        if (edge.current && edge.node.gateway) {
          expect(edge.node.gateway).toEqual({ productKey: gateways[0], deviceKey: gateway.deviceKey });
          checked += 1;
        }
      }
    }
    expect(checked).toBeGreaterThan(0);
  });

  it('should give direct devices no gateway and no sub-devices', async () => {
    const { DIRECT: direct } = await productsByAccessType();
    const { data } = await h.execute<{ devices: { edges: Array<{ node: { gateway: unknown; subDevices: { totalCount: number } } }> } }>(
      'query($pk: String!) { devices(productKey: $pk, first: 5) { edges { node { gateway { deviceKey } subDevices { totalCount } } } } }',
      { pk: direct[0] },
    );
    for (const { node } of data!.devices.edges) {
      expect(node.gateway).toBeNull();
      expect(node.subDevices.totalCount).toBe(0);
    }
  });

  it('should load a gateway by key alone and fetch its detail only when asked', async () => {
    const { SUB_DEVICE: subProducts } = await productsByAccessType();
    h.sim.log.clear();
    const keysOnly = await h.execute<{ devices: { edges: Array<{ node: { gateway: { deviceKey: string } | null } }> } }>(
      'query($pk: String!) { devices(productKey: $pk, first: 10) { edges { node { gateway { deviceKey } } } } }',
      { pk: subProducts[0] },
    );
    expect(keysOnly.errors).toBeUndefined();
    expect(h.sim.log.count('device.detail')).toBe(0);
    const withDetail = await h.execute<{ devices: { edges: Array<{ node: { gateway: { status: string; sn: string | null } | null } }> } }>(
      'query($pk: String!) { devices(productKey: $pk, first: 10) { edges { node { gateway { deviceKey status name } } } } }',
      { pk: subProducts[0] },
    );
    expect(withDetail.errors).toBeUndefined();
    const gateways = withDetail.data!.devices.edges.map((e) => e.node.gateway).filter(Boolean);
    expect(gateways.length).toBeGreaterThan(0);
    for (const gateway of gateways) expect(['ONLINE', 'OFFLINE']).toContain(gateway!.status);
  });

  it('should serve a thing model that uses every data type with typed specs', async () => {
    const { data, errors } = await h.execute<{
      products: {
        edges: Array<{
          node: {
            thingModel: {
              properties: Array<{ dataType: string; access: string; specs: Record<string, unknown> | null }>;
              events: Array<{ level: string; outputs: unknown[] }>;
              services: Array<{ inputs: unknown[] }>;
            } | null;
          };
        }>;
      };
    }>(
      `{ products(first: 100) { edges { node { thingModel {
          properties { code dataType access specs { __typename ...Specs
            ... on ArraySpecs { maxSize elementType elementSpecs { __typename ...Specs } }
            ... on StructSpecs { fields { code dataType specs { __typename ...Specs } } } } }
          events { code level outputs { code dataType } }
          services { code inputs { code dataType } outputs { code dataType } }
        } } } } }
       fragment Specs on TslSpecs {
         ... on NumberSpecs { min max step unit }
         ... on EnumSpecs { values { value label } }
         ... on BoolSpecs { trueLabel falseLabel }
         ... on LengthSpecs { maxLength }
       }`,
    );
    expect(errors).toBeUndefined();
    const models = data!.products.edges.map((e) => e.node.thingModel).filter((m): m is NonNullable<typeof m> => m !== null);
    expect(models.length).toBeGreaterThan(0);
    const properties = models.flatMap((m) => m.properties);
    const types = new Set(properties.map((p) => p.dataType));
    for (const t of ['BOOL', 'INT', 'FLOAT', 'DOUBLE', 'ENUM', 'TEXT', 'DATE', 'STRUCT', 'ARRAY']) expect(types).toContain(t);
    expect(new Set(properties.map((p) => p.access))).toEqual(new Set(['R', 'W', 'RW']));
    const int = properties.find((p) => p.dataType === 'INT')!;
    expect(int.specs).toMatchObject({ __typename: 'NumberSpecs', min: expect.any(Number), max: expect.any(Number) });
    const enumProperty = properties.find((p) => p.dataType === 'ENUM')!;
    expect((enumProperty.specs as { values: unknown[] }).values.length).toBeGreaterThan(1);
    const struct = properties.find((p) => p.dataType === 'STRUCT')!;
    expect((struct.specs as { fields: unknown[] }).fields.length).toBeGreaterThan(0);
    const array = properties.find((p) => p.dataType === 'ARRAY')!;
    expect(array.specs).toMatchObject({ __typename: 'ArraySpecs', maxSize: expect.any(Number), elementType: expect.any(String) });
    expect(new Set(models.flatMap((m) => m.events.map((e) => e.level)))).toEqual(new Set(['INFO', 'WARN', 'ERROR']));
    expect(models.flatMap((m) => m.services).some((s) => s.inputs.length > 0)).toBe(true);
  });

  it('should return module resources of a device', async () => {
    const { DIRECT: direct } = await productsByAccessType();
    const { data, errors } = await h.execute<{ devices: { edges: Array<{ node: { resources: { locators: string[] } | null } }> } }>(
      'query($pk: String!) { devices(productKey: $pk, first: 3) { edges { node { resources { battery signalStrength firmwareVersion locators updatedAt } } } } }',
      { pk: direct[0] },
    );
    expect(errors).toBeUndefined();
    expect(data!.devices.edges.some((e) => e.node.resources !== null)).toBe(true);
  });
});
