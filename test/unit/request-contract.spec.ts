import openApiDocument from '../../docs/vendor/acceleronix-openapi.json';
import { type RequestLogEntry, requestContract } from '../../simulator';
import { ROUTES } from '../../simulator/routes/route-registry';
import { deriveFromOpenApi } from '../../simulator/strict/request-contract';
import { checkRequest } from '../helpers/request-contract';

// The public parameter tables (docs/vendor/request-parameters.*.json plus the vendor OpenAPI file) and the checker
// that holds every request our client sends during the tests to them (test/helpers/request-contract-setup.ts).

const contract = requestContract();
const TOKEN = 'QJWT eyJ.test.token';

function entry(overrides: Partial<RequestLogEntry> & Pick<RequestLogEntry, 'method' | 'path'>): RequestLogEntry {
  return {
    endpoint: 'some.endpoint',
    query: {},
    body: undefined,
    headers: { authorization: TOKEN, 'content-type': 'application/json' },
    code: 200,
    httpStatus: 200,
    at: 0,
    ...overrides,
  };
}

const PRODUCTS = '/v2/quecproductmgr/r3/openapi/products';
const HISTORY = '/v2/quecdatastorage/r1/openapi/device/data/history';
const QUEUE_LIST = '/v2/quecrule/r1/openapi/queue/list';

describe('public parameter tables', () => {
  it('should derive all 14 operations of the vendor OpenAPI file, with their units', () => {
    const derived = deriveFromOpenApi(openApiDocument);
    expect(derived).toHaveLength(14);
    for (const operation of derived) expect(contract.find(operation.method, operation.path)?.sources[0]).toBe(operation.sources[0]);
    const history = contract.find('GET', HISTORY)!;
    expect(history.params.find((p) => p.name === 'beginDateTimp')).toMatchObject({ in: 'query', type: 'integer', unit: 'ms', required: false });
    expect(contract.find('POST', '/v2/deviceshadow/r3/openapi/dm/writeData')!.params.find((p) => p.name === 'cacheTime')).toMatchObject({
      in: 'body',
      unit: 's',
    });
  });

  it("should apply the pages' additions and corrections to the OpenAPI file's operations", () => {
    const overview = contract.find('GET', '/v2/devicemgr/r3/openapi/product/device/overview')!;
    expect(overview.sources).toEqual(['openapi:getDeviceList', 'page:deviceList.md']);
    expect(overview.params.map((p) => p.name)).toContain('deviceKey');
    expect(contract.find('POST', '/v2/deviceshadow/r3/openapi/raw/sendData')!.params.find((p) => p.name === 'data')!.type).toBe('string');
  });

  it('should list every endpoint the simulator serves as documented or inferred, and nothing as both', () => {
    const unlisted: string[] = [];
    for (const route of ROUTES) {
      for (const method of route.methods) {
        const documented = contract.find(method, route.path);
        const inferred = contract.findInferred(method, route.path);
        if (documented && inferred) unlisted.push(`${method} ${route.path} is listed twice`);
        // The login and refresh also take POST (an older page's wording); the client uses GET only.
        if (!documented && !inferred && !route.path.startsWith('/v2/quecauth/')) unlisted.push(`${method} ${route.path}`);
      }
    }
    expect(unlisted).toEqual([]);
    expect(contract.documented).toHaveLength(44);
    expect(contract.inferred).toHaveLength(55);
  });

  it('should take the quecrule version as a path segment', () => {
    expect(contract.find('POST', QUEUE_LIST)?.path).toBe('/v2/quecrule/{version}/openapi/queue/list');
    expect(contract.find('POST', '/v2/quecrule/r1/openapi/queue/list/extra')).toBeUndefined();
  });
});

describe('request-side contract check', () => {
  it('should pass a request that follows the table', () => {
    expect(checkRequest(entry({ method: 'GET', path: PRODUCTS, query: { pageNum: '2', pageSize: '100' } }), contract)).toEqual({
      status: 'checked',
      violations: [],
    });
  });

  it('should fail the product list paged with pageNo instead of pageNum', () => {
    const { violations } = checkRequest(entry({ method: 'GET', path: PRODUCTS, query: { pageNo: '2', pageSize: '100' } }), contract);
    expect(violations).toEqual([`GET ${PRODUCTS}: query parameter "pageNo" is not documented`]);
  });

  it('should fail quecrule paging moved from the JSON body to the query, naming where it belongs', () => {
    const { violations } = checkRequest(entry({ method: 'POST', path: QUEUE_LIST, query: { pageNum: '1' }, body: {} }), contract);
    expect(violations).toEqual([
      'POST /v2/quecrule/{version}/openapi/queue/list: query parameter "pageNum" is not documented here; it belongs in the JSON body',
    ]);
  });

  it('should fail a time sent in seconds where the table says milliseconds', () => {
    const query = { productKey: 'p1', deviceKey: 'd1', beginDateTimp: '1717171717', endDateTimp: '1717171717000' };
    const { violations } = checkRequest(entry({ method: 'GET', path: HISTORY, query }), contract);
    expect(violations).toEqual([`GET ${HISTORY}: query parameter "beginDateTimp" is epoch milliseconds; 1717171717 looks like seconds`]);
  });

  it('should fail a missing required parameter, a wrong JSON type and an undocumented array element field', () => {
    const send = checkRequest(
      entry({ method: 'POST', path: '/v2/deviceshadow/r3/openapi/raw/sendData', body: { devices: [], data: { raw: 1 } } }),
      contract,
    );
    expect(send.violations).toEqual(['POST /v2/deviceshadow/r3/openapi/raw/sendData: body field "data" must be a JSON string, got object']);
    const detail = checkRequest(entry({ method: 'GET', path: '/v2/devicemgr/r3/openapi/device/detail', query: { deviceKey: 'd1' } }), contract);
    expect(detail.violations).toEqual(['GET /v2/devicemgr/r3/openapi/device/detail: required query parameter "productKey" is missing']);
    const batch = checkRequest(
      entry({
        method: 'POST',
        path: '/v2/devicemgr/r3/openapi/device/createBatch',
        body: { productKey: 'p1', devices: [{ deviceKey: 'd1', imei: '1' }] },
      }),
      contract,
    );
    expect(batch.violations).toEqual(['POST /v2/devicemgr/r3/openapi/device/createBatch: field of devices[0] "imei" is not documented']);
  });

  it('should fail a token not sent as issued and a JSON body without its content type', () => {
    const bearer = checkRequest(entry({ method: 'GET', path: PRODUCTS, headers: { authorization: `Bearer ${TOKEN}` } }), contract);
    expect(bearer.violations).toEqual([`GET ${PRODUCTS}: Authorization must carry the token as issued ("QJWT ...")`]);
    const plain = checkRequest(
      entry({ method: 'POST', path: QUEUE_LIST, body: {}, headers: { authorization: TOKEN, 'content-type': 'text/plain' } }),
      contract,
    );
    expect(plain.violations).toEqual(['POST /v2/quecrule/{version}/openapi/queue/list: a JSON body needs Content-Type application/json']);
  });

  it('should report inferred endpoints as unchecked and unknown paths as no endpoint at all', () => {
    expect(checkRequest(entry({ method: 'GET', path: '/v2/devicegroup/enterpriseapi/deviceGroupList', query: { x: '1' } }), contract)).toEqual({
      status: 'inferred',
      violations: [],
    });
    expect(checkRequest(entry({ method: 'GET', path: '/v2/nowhere', endpoint: 'unknown' }), contract).status).toBe('not-an-endpoint');
    expect(checkRequest(entry({ method: 'GET', path: '/v2/quecproductmgr/r9/openapi/products' }), contract).violations).toHaveLength(1);
  });
});
