import { ErrorCode, UpstreamError } from '../../errors';
import type { Logger } from '../../logger';
import { UpstreamTransportError } from './upstream-failure';

/**
 * How sure we are that the platform serves a family as we call it (reference "How to read and cite this file"):
 * `documented` on the vendor's API pages, `public-client` only seen in public client code that calls the real
 * platform, `inferred` our own reading of an operation name and method, path and shape guessed (reference §11).
 */
export type EvidenceLevel = 'documented' | 'public-client' | 'inferred';

export interface EndpointFamily {
  /** Stable name, used in logs, the doctor's table and error messages. */
  readonly name: string;
  readonly evidence: EvidenceLevel;
  /** The reference section that describes it. */
  readonly section: string;
  /** The variable that moves its path; set for every inferred family (reference §14). */
  readonly pathVariable?: string;
  /** Every endpoint name (`PlatformClient` request `endpoint`) of the family. */
  readonly endpoints: readonly string[];
  /**
   * Reads whose every parameter is ours (paging, or keys the graph already holds): a generic parameter error there
   * means our guessed parameter names are wrong, not the caller's input. Writes and reads by a caller's id are left
   * out: a parameter error there may be the caller's.
   */
  readonly shapeReads?: readonly string[];
}

/**
 * Every endpoint family quec-graph calls, with its evidence level: the one list the client, the doctor
 * (`npm run doctor`) and docs/upstream.md §14 agree on. A test fails when an endpoint name used in src/ is missing.
 */
export const ENDPOINT_FAMILIES: readonly EndpointFamily[] = [
  { name: 'auth', evidence: 'documented', section: '§2', endpoints: ['auth.login', 'auth.refresh'] },
  { name: 'products', evidence: 'documented', section: '§6.1', endpoints: ['product.list', 'product.detail'] },
  { name: 'thing-models', evidence: 'documented', section: '§6.2', endpoints: ['tsl.export'] },
  { name: 'devices', evidence: 'documented', section: '§6.3', endpoints: ['device.overview', 'device.detail', 'device.resource'] },
  {
    name: 'device-lifecycle',
    evidence: 'documented',
    section: '§6.3',
    endpoints: ['device.create', 'device.createBatch', 'device.update', 'device.updateBatch', 'device.delete'],
  },
  { name: 'gateways', evidence: 'documented', section: '§6.4', endpoints: ['gateway.subList', 'gateway.ofChild', 'gateway.unbind'] },
  {
    name: 'downlink',
    evidence: 'documented',
    section: '§6.5',
    endpoints: ['dm.readData', 'dm.writeData', 'dm.sendServiceData', 'raw.sendData'],
  },
  { name: 'device-data', evidence: 'documented', section: '§6.5', endpoints: ['device.location', 'history.data', 'history.event'] },
  {
    name: 'message-queues',
    evidence: 'documented',
    section: '§6.6',
    endpoints: ['queue.create', 'queue.delete', 'queue.clear', 'queue.list', 'queue.detail'],
  },
  {
    name: 'message-subscriptions',
    evidence: 'documented',
    section: '§6.6',
    endpoints: [
      'subscribe.create',
      'subscribe.saas',
      'subscribe.enduser',
      'subscribe.update',
      'subscribe.delete',
      'subscribe.start',
      'subscribe.stop',
      'subscribe.list',
      'subscribe.detail',
    ],
  },
  {
    name: 'end-users',
    evidence: 'documented',
    section: '§6.7',
    endpoints: ['enduser.domainList', 'enduser.domainUserList', 'enduser.userInfo', 'enduser.setUserStatus'],
  },
  {
    name: 'bindings',
    evidence: 'documented',
    section: '§6.7',
    endpoints: ['binding.userDeviceList', 'binding.userListByBind', 'binding.verifyBindingCode'],
  },
  {
    name: 'projects',
    evidence: 'inferred',
    section: '§11.1',
    pathVariable: 'QUEC_PATH_PROJECTS',
    endpoints: ['project.overview', 'project.products', 'project.edit'],
    shapeReads: ['project.overview', 'project.products'],
  },
  {
    name: 'device-users',
    evidence: 'inferred',
    section: '§11.5',
    pathVariable: 'QUEC_PATH_DEVICE_USER_LIST',
    endpoints: ['binding.deviceUserList'],
    shapeReads: ['binding.deviceUserList'],
  },
  {
    name: 'binding-writes',
    evidence: 'inferred',
    section: '§11.5',
    pathVariable: 'QUEC_PATH_BINDING',
    endpoints: ['binding.bindDeviceByPkDk', 'binding.unbundlingUserDevice', 'binding.batchUnbindlingDevice'],
  },
  {
    name: 'device-groups',
    evidence: 'inferred',
    section: '§11.6',
    pathVariable: 'QUEC_PATH_DEVICE_GROUPS',
    endpoints: [
      'group.add',
      'group.set',
      'group.delete',
      'group.info',
      'group.list',
      'group.addDevices',
      'group.removeDevices',
      'group.devices',
      'group.ofDevice',
      'group.control',
      'group.tasks',
      'group.taskDetail',
    ],
    shapeReads: ['group.list', 'group.devices', 'group.ofDevice', 'group.tasks'],
  },
  {
    name: 'sms',
    evidence: 'inferred',
    section: '§11.7',
    pathVariable: 'QUEC_PATH_SMS',
    endpoints: [
      'sms.accountList',
      'sms.addAccount',
      'sms.setAccount',
      'sms.enableAccount',
      'sms.deleteAccount',
      'sms.signList',
      'sms.addSign',
      'sms.enableSign',
      'sms.deleteSign',
      'sms.signUserDomainAuth',
      'sms.templateList',
      'sms.addTemplate',
      'sms.enableTemplate',
      'sms.deleteTemplate',
      'sms.templateUserDomainAuth',
    ],
    shapeReads: ['sms.accountList', 'sms.signList', 'sms.templateList'],
  },
  {
    name: 'mail',
    evidence: 'inferred',
    section: '§11.8',
    pathVariable: 'QUEC_PATH_MAIL',
    endpoints: [
      'mail.accountList',
      'mail.addAccount',
      'mail.setAccount',
      'mail.enableAccount',
      'mail.deleteAccount',
      'mail.accountUserDomainAuth',
      'mail.templateList',
      'mail.templateContent',
      'mail.addTemplate',
      'mail.setTemplate',
      'mail.enableTemplate',
      'mail.deleteTemplate',
      'mail.templateUserDomainAuth',
    ],
    shapeReads: ['mail.accountList', 'mail.templateList'],
  },
  {
    name: 'end-user-admin',
    evidence: 'inferred',
    section: '§11.8',
    pathVariable: 'QUEC_PATH_END_USER_ADMIN',
    endpoints: [
      'enduser.addDomainProductAuth',
      'enduser.deleteDomainProductAuth',
      'enduser.domainProductAuthList',
      'enduser.productAuthDomainList',
      'enduser.addThirdpartyConfig',
      'enduser.deleteThirdpartyConfig',
      'enduser.getThirdpartyConfig',
    ],
    shapeReads: ['enduser.domainProductAuthList', 'enduser.productAuthDomainList', 'enduser.getThirdpartyConfig'],
  },
];

const familyByEndpoint = new Map<string, EndpointFamily>(ENDPOINT_FAMILIES.flatMap((family) => family.endpoints.map((e) => [e, family] as const)));

/** The family of an endpoint name; undefined for a name no family lists (a test keeps that from happening). */
export function familyOf(endpoint: string): EndpointFamily | undefined {
  return familyByEndpoint.get(endpoint);
}

/** HTTP statuses and body codes that say "no such path" or "not with this method". */
const NOT_FOUND_STATUSES = new Set([404, 405]);
/**
 * Codes that say "a parameter is missing or malformed" without naming a caller's value: HTTP 400, 50004 "param null
 * or empty", 50005 "param check error" (reference §10.1), and the binding family's missing uid/pk/dk (§11.5).
 */
const PARAMETER_CODES = new Set([400, 50004, 50005, 5065, 5066, 5067]);

/** What an answer says about an inferred family: its path is not served, or its guessed parameters are refused. */
export type Unconfirmed = { reason: 'not-found' | 'parameters'; answer: string };

/**
 * Reads a failed call of an inferred family: a "not found" answer to any of its calls, or a parameter error to one of
 * its shape reads, means the platform does not confirm our guess. Anything else (a documented family, a business
 * code about the caller's input, an outage) is undefined: the error stands as it is.
 */
export function unconfirmedBy(endpoint: string, error: unknown): Unconfirmed | undefined {
  const family = familyOf(endpoint);
  if (family?.evidence !== 'inferred' || !(error instanceof UpstreamError)) return undefined;
  const status = error instanceof UpstreamTransportError && error.kind === 'http' ? error.status : undefined;
  const code = error.upstream?.code;
  const answer = status !== undefined ? `HTTP ${status}` : `code ${code}${error.upstream?.msg ? ` "${error.upstream.msg}"` : ''}`;
  if ((status !== undefined && NOT_FOUND_STATUSES.has(status)) || (code !== undefined && NOT_FOUND_STATUSES.has(code))) {
    return { reason: 'not-found', answer };
  }
  const shapeRead = family.shapeReads?.includes(endpoint) ?? false;
  if (shapeRead && ((status !== undefined && PARAMETER_CODES.has(status)) || (code !== undefined && PARAMETER_CODES.has(code)))) {
    return { reason: 'parameters', answer };
  }
  return undefined;
}

/** UPSTREAM_UNCONFIRMED, carrying (as properties, not extensions) the family and what the platform answered. */
export class UnconfirmedEndpointError extends UpstreamError {
  constructor(
    readonly family: EndpointFamily,
    readonly verdict: Unconfirmed,
    message: string,
    upstream: UpstreamError['upstream'],
    endpoint: string,
  ) {
    super(message, ErrorCode.UPSTREAM_UNCONFIRMED, upstream, endpoint);
  }
}

/**
 * Turns "not found" and parameter errors of inferred families into UPSTREAM_UNCONFIRMED, and says so once per family
 * in the log (one warn line per family for the life of this object, held by the one PlatformClient `createApp` makes per process).
 */
export class UnconfirmedFamilies {
  private readonly reported = new Map<string, Unconfirmed & { endpoint: string }>();

  constructor(private readonly logger?: Logger) {}

  /** @returns an UPSTREAM_UNCONFIRMED UpstreamError in place of `error` when it unconfirms a family, else `error`. */
  review(endpoint: string, error: unknown): unknown {
    const verdict = unconfirmedBy(endpoint, error);
    const family = familyOf(endpoint);
    if (!verdict || !family || !(error instanceof UpstreamError)) return error;
    if (!this.reported.has(family.name)) {
      this.reported.set(family.name, { ...verdict, endpoint });
      this.logger?.warn(
        { family: family.name, endpoint, answer: verdict.answer, setting: family.pathVariable, section: family.section },
        `endpoint family ${family.name} is unconfirmed: the platform answered ${endpoint} with ${verdict.answer}; its ${
          verdict.reason === 'not-found' ? 'path' : 'parameters'
        } are our inference (reference ${family.section}); set ${family.pathVariable} if your platform serves it elsewhere`,
      );
    }
    const what = verdict.reason === 'not-found' ? 'does not serve it at the configured path' : 'refused its parameters';
    return new UnconfirmedEndpointError(
      family,
      verdict,
      `The ${family.name} endpoints are unconfirmed: the platform answered ${endpoint} with ${verdict.answer} (it ${what}). ` +
        `Their path and parameters are inferred (reference ${family.section}); ${family.pathVariable} sets the path.`,
      error.upstream,
      endpoint,
    );
  }

  /** Families found unconfirmed so far, by name, with the first answer that showed it. */
  snapshot(): Record<string, Unconfirmed & { endpoint: string }> {
    return Object.fromEntries(this.reported);
  }
}
