import { readFileSync } from 'node:fs';
import path from 'node:path';
import { startSimulator, type SimulatorHandle } from '../../simulator';
import { referenceSection } from './support/reference-doc';
import { walkSchema, type JsonType, type SchemaIssue, type SchemaNode } from './support/schema-walker';
import { deviceWhere, devicesOf, productOf } from './support/seed-lookup';
import { PATHS, call, loginQuery, postJson, type CallResult } from './support/sim-client';

// Checks simulator responses against the vendor's OpenAPI document. The vendor schemas are thinner
// than our contract, docs/upstream.md (and wrong in places), so a mismatch passes only when it is listed
// below as a deviation AND the cited section of docs/upstream.md really documents it; every listed
// deviation must also occur, so the list cannot go stale.

// The vendor's document, vendored unchanged (docs/vendor/README.md says where it comes from).
const VENDOR_OPENAPI = path.resolve(__dirname, '../../docs/vendor/acceleronix-openapi.json');
const REFERENCE_MARKDOWN = path.resolve(__dirname, '../../docs/upstream.md');

interface Operation {
  method: string;
  path: string;
  operationId: string;
  responses: Record<string, { content?: Record<string, { schema?: SchemaNode }> }>;
}

interface Deviation {
  kind: SchemaIssue['kind'];
  path: string;
  /** For type deviations: the JSON type the reference allows instead. */
  actual?: JsonType;
  /** Heading prefix of the docs/upstream.md section that documents it. */
  section: string;
  /** Text that must appear in that section. */
  evidence: string;
}

interface ConformanceContext {
  sim: SimulatorHandle;
  token: string;
}

interface ConformanceRow {
  operationId: string;
  method: 'get' | 'post';
  path: string;
  /** Calls whose bodies must match the 200 schema; several, to cover the data's variety. */
  success(ctx: ConformanceContext): Promise<CallResult[]>;
  /** Calls whose (error) bodies must match the endpoint's documented error schema. */
  failure(ctx: ConformanceContext): Promise<CallResult[]>;
  deviations: Deviation[];
}

/** Extra fields documented as `name` in a docs/upstream.md section. */
function documentedFields(section: string, base: string, fields: string[]): Deviation[] {
  return fields.map((field) => ({ kind: 'extra', path: `${base}.${field}`, section, evidence: `\`${field}\`` }));
}

const RESOURCE_SECTION = '#### GET `/v2/deviceshadow/r2/openapi/device/resource`';
const TSL_SECTION = '## §8 Thing model';
const DEVICE_SECTION = '### §6.3 Devices';
const LOCATION_SECTION = '#### GET `/v2/deviceshadow/r1/openapi/device/getlocation`';
const HISTORY_SECTION = '#### GET `/v2/quecdatastorage/r1/openapi/device/data/history`';

const ROWS: ConformanceRow[] = [
  {
    operationId: 'getAccessToken',
    method: 'get',
    path: PATHS.login,
    success: async ({ sim }) => [await call(sim, PATHS.login, loginQuery(sim.credentials.accessKey, sim.credentials.accessSecret, Date.now()))],
    failure: async ({ sim }) => [
      await call(sim, PATHS.login, loginQuery('unknownKey', sim.credentials.accessSecret, Date.now())),
      await call(sim, PATHS.login, loginQuery(sim.credentials.accessKey, 'wrong', Date.now())),
    ],
    deviations: [],
  },
  {
    operationId: 'refreshToken',
    method: 'get',
    path: PATHS.refresh,
    success: async ({ sim, token }) => [await call(sim, PATHS.refresh, { grant_type: 'refresh_token', refresh_token: token })],
    failure: async ({ sim }) => [await call(sim, PATHS.refresh, { grant_type: 'refresh_token', refresh_token: 'QJWT x' })],
    deviations: [],
  },
  {
    operationId: 'getProductList',
    method: 'get',
    path: PATHS.productList,
    success: async ({ sim, token }) => [
      await call(sim, PATHS.productList, {}, { token }),
      await call(sim, PATHS.productList, { pageNum: 2, pageSize: 3 }, { token }),
      await call(sim, PATHS.productList, { pageNum: 50 }, { token }),
    ],
    failure: async ({ sim, token }) => [await call(sim, PATHS.productList, { pageSize: 0 }, { token }), await call(sim, PATHS.productList)],
    deviations: [],
  },
  {
    operationId: 'getProductDetail',
    method: 'get',
    path: PATHS.productDetail,
    success: async ({ sim, token }) =>
      Promise.all(sim.store.authorizedProducts().map((p) => call(sim, PATHS.productDetail, { productKey: p.productKey }, { token }))),
    failure: async ({ sim, token }) => [
      await call(sim, PATHS.productDetail, { productKey: 'p1none' }, { token }),
      await call(sim, PATHS.productDetail, { productKey: devicesOf(sim, 'tracker')[0].productKey }, { token }),
    ],
    deviations: [],
  },
  {
    operationId: 'getProductTSL',
    method: 'get',
    path: PATHS.tsl,
    success: async ({ sim, token }) =>
      Promise.all(
        sim.store
          .authorizedProducts()
          .filter((p) => p.tsl)
          .map((p) => call(sim, PATHS.tsl, { productKey: p.productKey }, { token })),
      ),
    failure: async ({ sim, token }) => [await call(sim, PATHS.tsl, {}, { token }), await call(sim, PATHS.tsl, { productKey: 'p1none' }, { token })],
    deviations: [
      ...['properties[]', 'events[]', 'services[]'].flatMap((feature) => documentedFields(TSL_SECTION, `data.${feature}`, ['type', 'sort', 'desc'])),
      // §8: params may be `{"$ref": "#/properties/id/<N>"}` instead of an inline param.
      ...['events[].outputData[]', 'services[].inputData[]', 'services[].outputData[]'].map(
        (base): Deviation => ({ kind: 'extra', path: `data.${base}.$ref`, section: TSL_SECTION, evidence: '{"$ref": "#/properties/id/<N>"}' }),
      ),
      // §8: BOOL/ENUM/STRUCT specs are arrays; the vendor schema says object.
      ...['properties[]', 'events[].outputData[]', 'services[].outputData[]'].map(
        (base): Deviation => ({
          kind: 'type',
          path: `data.${base}.specs`,
          actual: 'array',
          section: TSL_SECTION,
          evidence: '| `specs` | object or array |',
        }),
      ),
    ],
  },
  {
    operationId: 'getDeviceList',
    method: 'get',
    path: PATHS.deviceOverview,
    success: async ({ sim, token }) =>
      Promise.all(
        sim.store
          .authorizedProducts()
          .flatMap(
            (p): Array<Record<string, string | number>> => [
              { productKey: p.productKey, pageSize: 100 },
              { productKey: p.productKey, activeStatus: 0 },
            ],
          )
          .map((query) => call(sim, PATHS.deviceOverview, query, { token })),
      ),
    failure: async ({ sim, token }) => [
      await call(sim, PATHS.deviceOverview, {}, { token }),
      await call(sim, PATHS.deviceOverview, { productKey: devicesOf(sim, 'tracker')[0].productKey }, { token }),
    ],
    // The vendor's Device schema lists 12 of the 16 DeviceDetails fields (§6.3).
    deviations: documentedFields(DEVICE_SECTION, 'data[]', ['sn', 'isVirtual', 'firstConnTime', 'updateTime']),
  },
  {
    operationId: 'getDeviceDetail',
    method: 'get',
    path: PATHS.deviceDetail,
    success: async ({ sim, token }) =>
      Promise.all(sampleDevices(sim).map((d) => call(sim, PATHS.deviceDetail, { productKey: d.productKey, deviceKey: d.deviceKey }, { token }))),
    failure: async ({ sim, token }) => [
      await call(sim, PATHS.deviceDetail, { productKey: devicesOf(sim, 'meter')[0].productKey, deviceKey: 'nope' }, { token }),
    ],
    deviations: [],
  },
  {
    operationId: 'getDeviceResource',
    method: 'get',
    path: PATHS.deviceResource,
    success: async ({ sim, token }) =>
      Promise.all(sampleDevices(sim).map((d) => call(sim, PATHS.deviceResource, { productKey: d.productKey, deviceKey: d.deviceKey }, { token }))),
    failure: async ({ sim, token }) => [await call(sim, PATHS.deviceResource, { productKey: 'p1none', deviceKey: 'nope' }, { token })],
    // The vendor's DeviceResource (batteryLevel, networkType, ...) matches neither the doc page nor
    // the example; the reference's "QdDeviceStatus" field list is what the simulator serves.
    deviations: documentedFields(RESOURCE_SECTION, 'data', [
      'id',
      'battery',
      'voltage',
      'memoryFree',
      'rsrp',
      'rsrq',
      'snr',
      'type',
      'cellId',
      'iccId',
      'mcc',
      'mnc',
      'lac',
      'phoneNum',
      'simNum',
      'locator',
      'comProtocolVer',
      'dataProtocolVer',
      'sdkVer',
      'version',
      'mcuVersion',
      'deviceId',
      'capabilitiesBitmask',
      'sn',
      'logEnable',
      'logLevel',
      'createTime',
      'updateTime',
    ]),
  },
  {
    operationId: 'createDevice',
    method: 'post',
    path: PATHS.deviceCreate,
    success: async ({ sim, token }) => [
      await postJson(sim, PATHS.deviceCreate, { productKey: productOf(sim, 'meter').productKey, deviceKey: 'CONF-0001' }, token),
      await postJson(
        sim,
        PATHS.deviceCreate,
        {
          productKey: productOf(sim, 'plug').productKey,
          deviceKey: 'CONF-0002',
          deviceName: 'Conformance',
          sn: 'SN-C2',
          authMode: 2,
          fingerPrint: 'ab'.repeat(20),
        },
        token,
      ),
    ],
    failure: async ({ sim, token }) => [
      await postJson(
        sim,
        PATHS.deviceCreate,
        { productKey: productOf(sim, 'meter').productKey, deviceKey: devicesOf(sim, 'meter')[0].deviceKey },
        token,
      ),
      await postJson(sim, PATHS.deviceCreate, { productKey: 'p1none', deviceKey: 'CONF-X' }, token),
      await postJson(sim, PATHS.deviceCreate, { productKey: productOf(sim, 'meter').productKey }, token),
    ],
    deviations: [],
  },
  {
    operationId: 'getDeviceDataHistory',
    method: 'get',
    path: PATHS.dataHistory,
    success: async ({ sim, token }) =>
      Promise.all(
        sampleDevices(sim)
          .filter((d) => d.isActived === 1)
          .map((d) => call(sim, PATHS.dataHistory, { productKey: d.productKey, deviceKey: d.deviceKey, pageSize: 100 }, { token })),
      ),
    failure: async ({ sim, token }) => [
      await call(sim, PATHS.dataHistory, {}, { token }),
      await call(sim, PATHS.dataHistory, { productKey: productOf(sim, 'meter').productKey, deviceKey: 'nope' }, { token }),
    ],
    // §6.5: `cmd` is in the example but not in the schema.
    deviations: documentedFields(HISTORY_SECTION, 'data[]', ['cmd']),
  },
  {
    operationId: 'getDeviceLocation',
    method: 'get',
    path: PATHS.location,
    success: async ({ sim, token }) => {
      const located = sim.store
        .devices(productOf(sim, 'meter').productKey)
        .filter((d) => d.location !== null)
        .slice(0, 3);
      const unlocated = devicesOf(sim, 'plug')[0];
      return Promise.all(
        [...located, unlocated].map((d) => call(sim, PATHS.location, { productKey: d.productKey, deviceKey: d.deviceKey }, { token })),
      );
    },
    failure: async ({ sim, token }) => [await call(sim, PATHS.location, {}, { token }), await call(sim, PATHS.location, { deviceId: 1 }, { token })],
    // The vendor's DeviceLocation (latitude/longitude/altitude/timestamp) matches neither the doc page nor its
    // example; the reference's "QdLocationLatest" is what the simulator serves, `accuracy` a string as there.
    deviations: [
      ...documentedFields(LOCATION_SECTION, 'data', [
        'id',
        'deviceId',
        'deviceStatus',
        'ticket',
        'createTime',
        'locateTime',
        'locateType',
        'locType',
        'locateStatus',
        'locateRaw',
        'lat',
        'lng',
        'latType',
        'lngType',
        'wgsLat',
        'wgsLng',
        'gcjLat',
        'gcjLng',
        'bdLat',
        'bdLng',
        'hdop',
        'height',
        'satellites',
        'speed',
        'ggaStatus',
        'count',
      ]),
      { kind: 'type', path: 'data.accuracy', actual: 'string', section: LOCATION_SECTION, evidence: '| `accuracy` | string |' },
    ],
  },
  {
    operationId: 'readDeviceData',
    method: 'post',
    path: PATHS.readData,
    success: async ({ sim, token }) => {
      const meter = productOf(sim, 'meter').productKey;
      const devices = [deviceWhere(sim, 'meter', (d) => d.deviceStatus === 1).deviceKey, 'nope'];
      return [await postJson(sim, PATHS.readData, { productKey: meter, devices, data: '["voltage","switch"]' }, token)];
    },
    failure: async ({ sim, token }) => [
      await postJson(sim, PATHS.readData, { productKey: productOf(sim, 'meter').productKey, devices: ['x'], data: '["calibration"]' }, token),
      await postJson(sim, PATHS.readData, { productKey: productOf(sim, 'water-meter').productKey, devices: ['x'], data: '["a"]' }, token),
    ],
    deviations: [],
  },
  {
    operationId: 'writeDeviceData',
    method: 'post',
    path: PATHS.writeData,
    success: async ({ sim, token }) => {
      const plug = productOf(sim, 'plug').productKey;
      const devices = [
        deviceWhere(sim, 'plug', (d) => d.deviceStatus === 1).deviceKey,
        deviceWhere(sim, 'plug', (d) => d.deviceStatus === 0).deviceKey,
      ];
      return [await postJson(sim, PATHS.writeData, { productKey: plug, devices, data: '[{"switch":"true"},{"led_mode":"2"}]' }, token)];
    },
    failure: async ({ sim, token }) => [
      await postJson(sim, PATHS.writeData, { productKey: productOf(sim, 'plug').productKey, devices: ['x'], data: 'not json' }, token),
      await postJson(sim, PATHS.writeData, { productKey: productOf(sim, 'plug').productKey, devices: ['x'], data: '[{"power":"1"}]' }, token),
    ],
    deviations: [],
  },
  {
    operationId: 'sendRawData',
    method: 'post',
    path: PATHS.sendRaw,
    success: async ({ sim, token }) => {
      const water = deviceWhere(sim, 'water-meter', (d) => d.deviceStatus === 1);
      const devices = [
        { productKey: water.productKey, deviceKey: water.deviceKey },
        { productKey: water.productKey, deviceKey: 'nope' },
      ];
      return [
        await postJson(sim, PATHS.sendRaw, { encode: 'Hex', data: '0102AB', devices }, token),
        await postJson(sim, PATHS.sendRaw, { encode: 'Text', data: 'ping', devices: devices.slice(0, 1), isCache: true, cacheTime: 60 }, token),
      ];
    },
    failure: async ({ sim, token }) => [
      await postJson(sim, PATHS.sendRaw, { encode: 'Hex', data: 'XYZ', devices: [{ productKey: 'p', deviceKey: 'd' }] }, token),
      await postJson(sim, PATHS.sendRaw, { encode: 'Text', data: 'x' }, token),
    ],
    deviations: [],
  },
];

/** One activated and one never-activated device per authorized product. */
function sampleDevices(sim: SimulatorHandle) {
  return sim.store.authorizedProducts().flatMap((p) => {
    const devices = sim.store.devices(p.productKey);
    return [devices.find((d) => d.isActived === 1), devices.find((d) => d.isActived === 0)].filter((d) => d !== undefined);
  });
}

const vendor = JSON.parse(readFileSync(VENDOR_OPENAPI, 'utf8')) as { paths: Record<string, Record<string, Omit<Operation, 'method' | 'path'>>> };
const markdown = readFileSync(REFERENCE_MARKDOWN, 'utf8');
const operations: Operation[] = Object.entries(vendor.paths).flatMap(([opPath, methods]) =>
  Object.entries(methods).map(([method, op]) => ({ ...op, method, path: opPath })),
);

function responseSchema(operation: Operation, status: string): SchemaNode {
  const schema = operation.responses[status]?.content?.['application/json']?.schema;
  if (!schema) throw new Error(`${operation.operationId} documents no JSON schema for ${status}`);
  return schema;
}

/** The documented error schema: the first non-200 response that has one (401/400/404 -> Error). */
function errorSchema(operation: Operation): SchemaNode {
  const status = Object.keys(operation.responses).find((s) => s !== '200' && operation.responses[s].content);
  if (!status) throw new Error(`${operation.operationId} documents no error response`);
  return responseSchema(operation, status);
}

function isDeviation(issue: SchemaIssue, deviations: Deviation[]): boolean {
  return deviations.some((d) => d.kind === issue.kind && d.path === issue.path && (d.kind === 'extra' || d.actual === issue.actual));
}

describe('vendor OpenAPI conformance', () => {
  let sim: SimulatorHandle;
  let token: string;

  beforeAll(async () => {
    sim = await startSimulator();
    const { accessKey, accessSecret } = sim.credentials;
    token = (await call(sim, PATHS.login, loginQuery(accessKey, accessSecret, Date.now()))).body.access_token;
  });
  afterAll(() => sim.close());

  it('should have every table row name a real vendor operation at the same method and path', () => {
    for (const row of ROWS) {
      const operation = operations.find((op) => op.operationId === row.operationId);
      expect({ operationId: row.operationId, method: operation?.method, path: operation?.path }).toEqual({
        operationId: row.operationId,
        method: row.method,
        path: row.path,
      });
    }
  });

  it('should cite only deviations that docs/upstream.md documents', () => {
    for (const deviation of ROWS.flatMap((row) => row.deviations)) {
      const section = referenceSection(markdown, deviation.section);
      expect({ path: deviation.path, documented: section.includes(deviation.evidence) }).toEqual({ path: deviation.path, documented: true });
    }
  });

  describe.each(ROWS.map((row) => [row.operationId, row] as const))('%s', (_operationId, row) => {
    const operation = () => operations.find((op) => op.operationId === row.operationId) as Operation;

    it('should answer success bodies that match the 200 schema apart from documented deviations', async () => {
      const results = await row.success({ sim, token });
      expect(results.length).toBeGreaterThan(0);
      const issues: SchemaIssue[] = [];
      for (const result of results) {
        expect([result.status, result.body?.code]).toEqual([200, 200]);
        issues.push(...walkSchema(vendor, responseSchema(operation(), '200'), result.body));
      }
      expect(issues.filter((issue) => !isDeviation(issue, row.deviations))).toEqual([]);
      const unused = row.deviations.filter((d) => !issues.some((issue) => isDeviation(issue, [d])));
      expect(unused.map((d) => d.path)).toEqual([]);
    });

    it('should answer error bodies that match the documented error schema', async () => {
      const results = await row.failure({ sim, token });
      for (const result of results) {
        expect(result.body?.code).not.toBe(200);
        expect(walkSchema(vendor, errorSchema(operation()), result.body)).toEqual([]);
      }
    });
  });

  describe('operations the simulator does not implement yet', () => {
    const covered = new Set(ROWS.map((row) => row.operationId));
    for (const operation of operations.filter((op) => !covered.has(op.operationId))) {
      it.todo(`${operation.operationId}: ${operation.method.toUpperCase()} ${operation.path}`);
    }
  });
});
