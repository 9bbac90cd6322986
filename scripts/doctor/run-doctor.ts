import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { UpstreamTarget } from '../../src/app';
import type { Config } from '../../src/config';
import { createApis, type Apis } from '../../src/datasources/apis';
import { HttpAuthApi } from '../../src/datasources/platform/auth.api';
import { type EvidenceLevel, UnconfirmedEndpointError, familyOf } from '../../src/datasources/platform/endpoint-families';
import type { Page, PageRequest } from '../../src/datasources/platform/page';
import { PlatformClient } from '../../src/datasources/platform/platform-client';
import { RULE_MAX_PAGE_SIZE } from '../../src/datasources/messaging/rule.api';
import { UpstreamTransportError } from '../../src/datasources/platform/upstream-failure';
import { AppError, ErrorCode, UpstreamError } from '../../src/errors';
import { RecordingTransport } from './recording-transport';
import { Sanitiser } from './sanitise';

/** ok: served as asked. capped: served fewer rows per page than asked, or refused the large page. answered: a business
 * refusal for the key we tried (not found, not authorized). unsupported: an inferred family the platform does not
 * confirm. skipped: nothing to ask it about. error: anything else. */
export type ProbeStatus = 'ok' | 'capped' | 'answered' | 'unsupported' | 'skipped' | 'error';

export interface DoctorRow {
  family: string;
  endpoint: string;
  evidence: EvidenceLevel;
  status: ProbeStatus;
  result: string;
}

export interface DoctorOptions {
  config: Config;
  upstream: UpstreamTarget;
  /** Page size of the first attempt at every list, to learn the platform's cap. Default 1000. */
  largePageSize?: number;
  /** Folder for the sanitised samples; undefined writes none. */
  outDir?: string;
  /** Rows kept per list in a sample. Default 5. */
  sampleRows?: number;
  /** Describes the upstream in the summary without its URL (a proxy's host may be private). */
  upstreamLabel: string;
  fetch?: typeof fetch;
  now?: () => number;
}

export interface DoctorReport {
  rows: DoctorRow[];
  /** Sample files written, relative to `outDir`. */
  samples: string[];
  /** False when the login failed or a documented family answered with an error. */
  passed: boolean;
}

/** Codes a platform answers when it serves the endpoint but refuses the key we asked about. */
const ANSWERED: ReadonlySet<string> = new Set([ErrorCode.NOT_FOUND, ErrorCode.FORBIDDEN]);
const PARAMETER_CODES = new Set([400, 50004, 50005]);

interface Keys {
  productKey?: string;
  deviceKey?: string;
  gateway?: { productKey: string; deviceKey: string };
  userDomain?: string;
  uid?: string;
}

/**
 * Probes an account with harmless reads only (login, refresh, one page of every list family with a large page size,
 * one read of every inferred family) and writes sanitised samples of every answer. Never calls a write.
 */
export async function runDoctor(options: DoctorOptions): Promise<DoctorReport> {
  const { config, upstream } = options;
  const large = options.largePageSize ?? 1000;
  const normal = config.upstreamPageSize;
  const transport = new RecordingTransport({ baseUrl: upstream.baseUrl, timeoutMs: config.upstreamTimeoutMs, fetch: options.fetch });
  const auth = new HttpAuthApi(transport, upstream, { now: options.now ?? Date.now });
  const rows: DoctorRow[] = [];
  const row = (endpoint: string, status: ProbeStatus, result: string) => {
    const family = familyOf(endpoint);
    rows.push({ family: family?.name ?? '?', endpoint, evidence: family?.evidence ?? 'inferred', status, result });
  };

  let token: string;
  try {
    const issued = await auth.login();
    token = issued.accessToken;
    row('auth.login', 'ok', `ok (expires_in ${issued.expiresIn} s)`);
  } catch (error) {
    row('auth.login', 'error', `error ${describeFailure(error)}`);
    return finish(options, rows, transport);
  }
  try {
    const refreshed = await auth.refresh(token);
    row('auth.refresh', 'ok', `ok (${refreshed.accessToken === token ? 'same token' : 'new token'}, expires_in ${refreshed.expiresIn} s)`);
    token = refreshed.accessToken;
  } catch (error) {
    row('auth.refresh', 'error', `error ${describeFailure(error)}`);
  }

  // One fixed token, no retries, no breaker: the doctor wants to see each answer as the platform gave it.
  const client = new PlatformClient({ transport, tokens: { getToken: async () => token, invalidate: async () => undefined } });
  const apis = createApis(client, config.inferredPaths);
  const keys: Keys = {};
  const probe = new Prober(row, large, normal);

  // Documented families, discovering keys as they go.
  const products = await probe.list('product.list', (page) => apis.products.listProducts(page));
  keys.productKey = products?.rows[0]?.productKey;
  await probe.read('product.detail', keys.productKey && (() => apis.products.getProduct(keys.productKey!)), 'no product');
  await probe.read('tsl.export', keys.productKey && (() => apis.products.getThingModel(keys.productKey!)), 'no product');
  const devices = await probe.list(
    'device.overview',
    keys.productKey && ((page) => apis.devices.listDevices({ productKey: keys.productKey! }, page)),
    'no product',
  );
  keys.deviceKey = devices?.rows[0]?.deviceKey;
  const device = keys.productKey && keys.deviceKey ? { productKey: keys.productKey, deviceKey: keys.deviceKey } : undefined;
  await probe.read('device.detail', device && (() => apis.devices.getDevice(device.productKey, device.deviceKey)), 'no device');
  await probe.read('device.resource', device && (() => apis.devices.getResources(device.productKey, device.deviceKey)), 'no device');
  await probe.read('device.location', device && (() => apis.locations.getLocation(device)), 'no device');
  await probe.list('history.data', device && ((page) => apis.history.listMessages(device, {}, page)), 'no device');
  await probe.list('history.event', device && ((page) => apis.history.listEvents(device, {}, page)), 'no device');
  keys.gateway = await findGateway(apis, products?.rows ?? [], normal);
  await probe.list(
    'gateway.subList',
    keys.gateway && ((page) => apis.gateways.listSubDevices(keys.gateway!.productKey, keys.gateway!.deviceKey, page)),
    'no gateway device',
  );
  // quecrule lists document pageSize 1..100 (reference §4): their second attempt stays within it, as the service's does.
  await probe.list('queue.list', (page) => apis.rules.listQueues({}, page), '', RULE_MAX_PAGE_SIZE);
  await probe.list('subscribe.list', (page) => apis.rules.listSubscriptions({}, page), '', RULE_MAX_PAGE_SIZE);
  const domains = await probe.list('enduser.domainList', (page) => apis.endUsers.listUserDomains(page));
  keys.userDomain = domains?.rows[0]?.userDomain;
  const users = await probe.list(
    'enduser.domainUserList',
    keys.userDomain && ((page) => apis.endUsers.listDomainUsers(keys.userDomain!, page)),
    'no user domain',
  );
  keys.uid = users?.rows[0]?.uid;
  await probe.read('enduser.userInfo', keys.uid && (() => apis.endUsers.getUser(keys.uid!)), 'no end user');
  await probe.list('binding.userDeviceList', keys.uid && ((page) => apis.endUsers.listUserDevices(keys.uid!, page)), 'no end user');
  await probe.list(
    'binding.userListByBind',
    keys.productKey && ((page) => apis.endUsers.listBoundUsers({ productKey: keys.productKey!, userDomain: keys.userDomain }, page)),
    'no product',
  );

  // Inferred families: one read each (their writes are never probed).
  await probe.list('project.overview', (page) => apis.projects.listProjects(page));
  await probe.list('group.list', (page) => apis.deviceGroups.listGroups(undefined, page));
  await probe.list(
    'binding.deviceUserList',
    device && ((page) => apis.endUsers.listDeviceUsers(device.productKey, device.deviceKey, page)),
    'no device',
  );
  await probe.list('sms.accountList', (page) => apis.sms.listAccounts(page));
  await probe.list('sms.signList', (page) => apis.sms.listSignatures(page));
  await probe.list('sms.templateList', (page) => apis.sms.listTemplates(page));
  await probe.list('mail.accountList', (page) => apis.mail.listAccounts(page));
  await probe.list('mail.templateList', (page) => apis.mailTemplates.listTemplates(page));
  await probe.list(
    'enduser.productAuthDomainList',
    keys.productKey && ((page) => apis.userDomainProducts.listProductDomains(keys.productKey!, page)),
    'no product',
  );
  await probe.list(
    'enduser.domainProductAuthList',
    keys.userDomain && ((page) => apis.userDomainProducts.listDomainProducts(keys.userDomain!, page)),
    'no user domain',
  );
  await probe.read('enduser.getThirdpartyConfig', keys.userDomain && (() => apis.thirdPartyLogins.listConfigs(keys.userDomain!)), 'no user domain');

  return finish(options, rows, transport);
}

/** The first device of the first gateway product (accessType 1), read at the normal page size. */
async function findGateway(apis: Apis, products: ReadonlyArray<{ productKey: string; accessType: number }>, pageSize: number) {
  const product = products.find((p) => Number(p.accessType) === 1);
  if (!product) return undefined;
  try {
    const page = await apis.devices.listDevices({ productKey: product.productKey }, { pageNum: 1, pageSize: Math.min(pageSize, 10) });
    const first = page.rows[0];
    return first ? { productKey: product.productKey, deviceKey: first.deviceKey } : undefined;
  } catch {
    return undefined;
  }
}

class Prober {
  constructor(
    private readonly row: (endpoint: string, status: ProbeStatus, result: string) => void,
    private readonly large: number,
    private readonly normal: number,
  ) {}

  /**
   * One page at the large size; if the platform refuses that page size, once more at the normal one. Fewer rows than
   * asked while more exist means a cap. @returns the page read, if any.
   */
  async list<T>(
    endpoint: string,
    call: ((page: PageRequest) => Promise<Page<T>>) | undefined | '',
    missing = '',
    maxNormal = Number.POSITIVE_INFINITY,
  ): Promise<Page<T> | undefined> {
    const normal = Math.min(this.normal, maxNormal);
    if (!call) {
      this.row(endpoint, 'skipped', `skipped: ${missing}`);
      return undefined;
    }
    let page: Page<T>;
    try {
      page = await call({ pageNum: 1, pageSize: this.large });
    } catch (error) {
      if (!isParameterError(error)) {
        this.failed(endpoint, error);
        return undefined;
      }
      try {
        page = await call({ pageNum: 1, pageSize: normal });
      } catch (retryError) {
        this.failed(endpoint, retryError);
        return undefined;
      }
      this.row(endpoint, 'capped', `capped: refuses pageSize ${this.large} (${platformAnswer(error)}), ok at ${normal} (${rowsOf(page)})`);
      return page;
    }
    const served = page.rows.length;
    if (served < Math.min(this.large, page.total)) this.row(endpoint, 'capped', `capped at ${served} (asked ${this.large}, total ${page.total})`);
    else this.row(endpoint, 'ok', `ok (${rowsOf(page)}${page.total <= served ? ', cap not reached' : ''})`);
    return page;
  }

  async read(endpoint: string, call: (() => Promise<unknown>) | undefined | '', missing = ''): Promise<void> {
    if (!call) return this.row(endpoint, 'skipped', `skipped: ${missing}`);
    try {
      const value = await call();
      this.row(endpoint, 'ok', value === null || value === undefined ? 'ok (empty)' : 'ok');
    } catch (error) {
      this.failed(endpoint, error);
    }
  }

  private failed(endpoint: string, error: unknown): void {
    if (error instanceof UnconfirmedEndpointError) {
      this.row(endpoint, 'unsupported', `unsupported: ${error.verdict.answer}; set ${error.family.pathVariable}`);
    } else if (error instanceof AppError && ANSWERED.has(error.code)) {
      this.row(endpoint, 'answered', `answered ${describeFailure(error)}`);
    } else {
      this.row(endpoint, 'error', `error ${describeFailure(error)}`);
    }
  }
}

/** What the platform itself said: its business code, or the HTTP status. */
function platformAnswer(error: unknown): string {
  if (error instanceof UpstreamTransportError && error.status) return `HTTP ${error.status}`;
  if (error instanceof UpstreamError && error.upstream) return `code ${error.upstream.code}`;
  return describeFailure(error);
}

function rowsOf(page: Page<unknown>): string {
  return `${page.rows.length} of ${page.total} rows`;
}

function isParameterError(error: unknown): boolean {
  if (error instanceof UpstreamTransportError) return error.status === 400;
  return error instanceof UpstreamError && error.upstream !== undefined && PARAMETER_CODES.has(error.upstream.code);
}

/** Our code plus what the platform said (its code, or the HTTP status), never a body. */
export function describeFailure(error: unknown): string {
  if (error instanceof UpstreamTransportError) return `${error.code}${error.status ? ` (HTTP ${error.status})` : ` (${error.kind})`}`;
  if (error instanceof UpstreamError) return `${error.code}${error.upstream ? ` ${error.upstream.code}` : ''}`;
  if (error instanceof AppError) return error.code;
  return `unexpected ${error instanceof Error ? error.name : typeof error}`;
}

async function finish(options: DoctorOptions, rows: DoctorRow[], transport: RecordingTransport): Promise<DoctorReport> {
  const login = rows.find((r) => r.endpoint === 'auth.login');
  const passed = login?.status === 'ok' && !rows.some((r) => r.evidence !== 'inferred' && r.status === 'error');
  const samples: string[] = [];
  if (options.outDir) {
    await mkdir(options.outDir, { recursive: true });
    const sanitiser = new Sanitiser({
      knownSecrets: [options.upstream.accessKey, options.upstream.accessSecret],
      maxArrayItems: options.sampleRows ?? 5,
    });
    for (const [index, exchange] of transport.exchanges.entries()) {
      const family = familyOf(exchange.endpoint);
      const file = `${String(index + 1).padStart(2, '0')}-${exchange.endpoint}.json`;
      const sample = sanitiser.sanitise({ family: family?.name, evidence: family?.evidence, ...exchange });
      await writeFile(join(options.outDir, file), `${JSON.stringify(sample, null, 2)}\n`);
      samples.push(file);
    }
    const summary = {
      generatedAt: new Date((options.now ?? Date.now)()).toISOString(),
      upstream: options.upstreamLabel,
      largePageSize: options.largePageSize ?? 1000,
      pageSize: options.config.upstreamPageSize,
      passed,
      rows,
    };
    await writeFile(join(options.outDir, 'summary.json'), `${JSON.stringify(sanitiser.sanitise(summary), null, 2)}\n`);
    samples.push('summary.json');
  }
  return { rows, samples, passed };
}

/** The table printed to stdout: family, endpoint, result, evidence level. */
export function formatTable(rows: readonly DoctorRow[]): string {
  const header = ['family', 'endpoint', 'result', 'evidence'];
  const cells = rows.map((r) => [r.family, r.endpoint, r.result, r.evidence]);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i].length)));
  const line = (c: string[]) => c.map((cell, i) => (i === c.length - 1 ? cell : cell.padEnd(widths[i]))).join('  ');
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...cells.map(line)].join('\n');
}
