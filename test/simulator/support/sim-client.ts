import { createHash } from 'node:crypto';
import type { SimulatorHandle } from '../../../simulator';

// A deliberately independent client for simulator tests: it signs and calls exactly as §2 says,
// sharing no code with src/ or with the simulator's own verification.

export const PATHS = {
  login: '/v2/quecauth/accessKeyAuthrize/accessKeyLogin',
  refresh: '/v2/quecauth/accessKeyAuthrize/refreshToken',
  productList: '/v2/quecproductmgr/r3/openapi/products',
  productDetail: '/v2/quecproductmgr/r3/openapi/product/detail',
  tsl: '/v2/quectsl/openapi/product/export/tslFile',
  deviceOverview: '/v2/devicemgr/r3/openapi/product/device/overview',
  deviceDetail: '/v2/devicemgr/r3/openapi/device/detail',
  deviceResource: '/v2/deviceshadow/r2/openapi/device/resource',
  subList: '/v2/devicemgr/r1/openapi/product/gateway/subList',
  gatewayOfChild: '/v2/devicemgr/r1/openapi/product/gateway/getGatewayProductByChildDevice',
  unbind: '/v2/devicemgr/r1/openapi/product/gateway/unbind',
  readData: '/v2/deviceshadow/r3/openapi/dm/readData',
  writeData: '/v2/deviceshadow/r3/openapi/dm/writeData',
  sendServiceData: '/v2/deviceshadow/r3/openapi/dm/sendServiceData',
  sendRaw: '/v2/deviceshadow/r3/openapi/raw/sendData',
  location: '/v2/deviceshadow/r1/openapi/device/getlocation',
  dataHistory: '/v2/quecdatastorage/r1/openapi/device/data/history',
  eventHistory: '/v2/quecdatastorage/r1/openapi/device/eventdata/history',
  deviceCreate: '/v2/devicemgr/r3/openapi/device/create',
  deviceCreateBatch: '/v2/devicemgr/r3/openapi/device/createBatch',
  deviceUpdate: '/v2/devicemgr/r3/openapi/device/update',
  deviceUpdateBatch: '/v2/devicemgr/r3/openapi/device/updateBatch',
  deviceDelete: '/v2/devicemgr/r3/openapi/device/delete',
} as const;

export interface FakeClock {
  now(): number;
  advance(ms: number): void;
  set(ms: number): void;
}

export function fakeClock(start: number): FakeClock {
  let current = start;
  return {
    now: () => current,
    advance: (ms) => {
      current += ms;
    },
    set: (ms) => {
      current = ms;
    },
  };
}

export function rawUsername(accessKey: string, timestamp: number): string {
  return `ver=1&auth_mode=accessKey&sign_method=sha256&access_key=${accessKey}&timestamp=${timestamp}`;
}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

export function loginQuery(accessKey: string, accessSecret: string, timestamp: number): Record<string, string> {
  const username = rawUsername(accessKey, timestamp);
  return { grant_type: 'password', username, password: sha256Hex(username + accessSecret) };
}

export interface CallOptions {
  method?: string;
  token?: string;
  headers?: Record<string, string>;
  body?: string;
}

export interface CallResult {
  status: number;
  /** Foreign JSON; tests assert on its shape, so it is deliberately untyped. */
  body: any;
  text: string;
}

export async function call(
  sim: SimulatorHandle,
  path: string,
  query: Record<string, string | number> = {},
  options: CallOptions = {},
): Promise<CallResult> {
  const url = new URL(sim.baseUrl + path);
  for (const [name, value] of Object.entries(query)) url.searchParams.set(name, String(value));
  const headers: Record<string, string> = { ...(options.headers ?? {}) };
  if (options.token !== undefined) headers.Authorization = options.token;
  const response = await fetch(url, { method: options.method ?? 'GET', headers, body: options.body });
  const text = await response.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  return { status: response.status, body, text };
}

/** POSTs `body` as JSON (as-is when it is already a string). */
export function postJson(sim: SimulatorHandle, path: string, body: unknown, token: string): Promise<CallResult> {
  return call(
    sim,
    path,
    {},
    {
      method: 'POST',
      token,
      headers: { 'Content-Type': 'application/json' },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    },
  );
}

/** Logs in with the simulator's credentials at `timestamp` (default: now) and returns the token. */
export async function login(sim: SimulatorHandle, timestamp = Date.now()): Promise<string> {
  const { accessKey, accessSecret } = sim.credentials;
  const result = await call(sim, PATHS.login, loginQuery(accessKey, accessSecret, timestamp));
  if (result.body?.code !== 200) throw new Error(`login failed: ${result.text}`);
  return result.body.access_token as string;
}

export function decodeJwtPayload(token: string): Record<string, unknown> {
  const jwt = token.replace(/^QJWT /, '');
  return JSON.parse(Buffer.from(jwt.split('.')[1], 'base64url').toString('utf8')) as Record<string, unknown>;
}
