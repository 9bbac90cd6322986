import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ENDPOINT_FAMILIES, UnconfirmedFamilies, familyOf, unconfirmedBy } from '../../src/datasources/platform/endpoint-families';
import { READ_ENDPOINTS } from '../../src/datasources/platform/read-endpoints';
import { UpstreamTransportError } from '../../src/datasources/platform/upstream-failure';
import { ErrorCode, UpstreamError, formatError, upstreamErrorFromCode } from '../../src/errors';
import { captureLogs } from '../helpers/log-capture';

const ROOT = resolve(__dirname, '../..');

/** Every endpoint name the datasources pass to the client (`endpoint: '...'` and the helpers' first argument). */
function declaredEndpoints(): Set<string> {
  const names = new Set<string>();
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir)) {
      const path = join(dir, entry);
      if (statSync(path).isDirectory()) walk(path);
      else if (path.endsWith('.api.ts')) for (const m of readFileSync(path, 'utf8').matchAll(/'([a-z]+\.[A-Za-z]+)'/g)) names.add(m[1]);
    }
  };
  walk(resolve(ROOT, 'src/datasources'));
  return names;
}

const http = (status: number) => new UpstreamTransportError(`HTTP ${status}`, ErrorCode.UPSTREAM_ERROR, 'x', 'http', status);

describe('the endpoint family registry', () => {
  it('should name every endpoint the datasources call exactly once', () => {
    const declared = [...declaredEndpoints()].sort();
    const listed = ENDPOINT_FAMILIES.flatMap((family) => family.endpoints);
    expect(declared.length).toBeGreaterThan(90);
    expect(declared.filter((name) => familyOf(name) === undefined)).toEqual([]);
    expect([...listed].sort()).toEqual(declared);
    expect(new Set(listed).size).toBe(listed.length);
  });

  it('should give every inferred family its QUEC_PATH_* variable, one that config.ts and docs/configuration.md know', () => {
    const config = readFileSync(resolve(ROOT, 'src/config.ts'), 'utf8');
    const docs = readFileSync(resolve(ROOT, 'docs/configuration.md'), 'utf8');
    const inferred = ENDPOINT_FAMILIES.filter((family) => family.evidence === 'inferred');
    expect(inferred.map((family) => family.name)).toEqual([
      'projects',
      'device-users',
      'binding-writes',
      'device-groups',
      'sms',
      'mail',
      'end-user-admin',
    ]);
    for (const family of inferred) {
      expect(family.pathVariable).toMatch(/^QUEC_PATH_[A-Z_]+$/);
      expect(config).toContain(`${family.pathVariable}:`);
      expect(docs).toContain(family.pathVariable);
    }
    for (const family of ENDPOINT_FAMILIES.filter((f) => f.evidence !== 'inferred')) expect(family.pathVariable).toBeUndefined();
  });

  it('should list as shape reads only reads of the same family', () => {
    for (const family of ENDPOINT_FAMILIES) {
      for (const read of family.shapeReads ?? []) {
        expect({ read, inFamily: family.endpoints.includes(read), isRead: READ_ENDPOINTS.has(read) }).toEqual({ read, inFamily: true, isRead: true });
      }
    }
  });
});

describe('unconfirmedBy', () => {
  it('should call a 404 or 405 of any inferred call "not found", by HTTP status or body code', () => {
    expect(unconfirmedBy('group.list', http(404))).toEqual({ reason: 'not-found', answer: 'HTTP 404' });
    expect(unconfirmedBy('sms.addAccount', http(405))).toEqual({ reason: 'not-found', answer: 'HTTP 405' });
    expect(unconfirmedBy('project.edit', upstreamErrorFromCode('project.edit', { code: 404, msg: 'Not Found' }))).toEqual({
      reason: 'not-found',
      answer: 'code 404 "Not Found"',
    });
  });

  it('should call a parameter error of an inferred shape read unconfirmed, but not one of a write or a read by id', () => {
    expect(unconfirmedBy('mail.accountList', upstreamErrorFromCode('mail.accountList', { code: 50005, msg: 'param check error' }))).toEqual({
      reason: 'parameters',
      answer: 'code 50005 "param check error"',
    });
    expect(unconfirmedBy('binding.deviceUserList', upstreamErrorFromCode('binding.deviceUserList', { code: 5066, msg: '' }))?.reason).toBe(
      'parameters',
    );
    expect(unconfirmedBy('sms.signList', http(400))?.reason).toBe('parameters');
    expect(unconfirmedBy('sms.addAccount', upstreamErrorFromCode('sms.addAccount', { code: 50005, msg: '' }))).toBeUndefined();
    expect(unconfirmedBy('group.taskDetail', upstreamErrorFromCode('group.taskDetail', { code: 50005, msg: '' }))).toBeUndefined();
  });

  it('should leave documented families, business codes, outages and foreign errors alone', () => {
    expect(unconfirmedBy('product.list', http(404))).toBeUndefined();
    expect(unconfirmedBy('device.overview', upstreamErrorFromCode('device.overview', { code: 50005, msg: '' }))).toBeUndefined();
    expect(unconfirmedBy('group.list', upstreamErrorFromCode('group.list', { code: 5306, msg: '' }))).toBeUndefined();
    expect(unconfirmedBy('group.list', http(503))).toBeUndefined();
    expect(unconfirmedBy('group.list', new UpstreamTransportError('t', ErrorCode.UPSTREAM_UNAVAILABLE, 'group.list', 'timeout'))).toBeUndefined();
    expect(unconfirmedBy('group.list', new TypeError('x'))).toBeUndefined();
    expect(unconfirmedBy('nobody.knows', http(404))).toBeUndefined();
  });
});

describe('UnconfirmedFamilies', () => {
  it('should answer UPSTREAM_UNCONFIRMED naming the family, the answer and the variable, kept by formatError', () => {
    const error = new UnconfirmedFamilies(captureLogs('warn').logger).review('group.list', http(404));
    expect(error).toBeInstanceOf(UpstreamError);
    const formatted = formatError({ message: 'x' }, error);
    expect(formatted.extensions).toEqual({ code: 'UPSTREAM_UNCONFIRMED' });
    expect(formatted.message).toContain('device-groups');
    expect(formatted.message).toContain('HTTP 404');
    expect(formatted.message).toContain('QUEC_PATH_DEVICE_GROUPS');
    expect(formatted.message).toContain('§11.6');
  });

  it('should keep the platform code and message in extensions.upstream', () => {
    const error = new UnconfirmedFamilies().review(
      'sms.templateList',
      upstreamErrorFromCode('sms.templateList', { code: 50005, msg: 'param check error' }),
    );
    expect(formatError({ message: 'x' }, error).extensions).toEqual({
      code: 'UPSTREAM_UNCONFIRMED',
      upstream: { code: 50005, msg: 'param check error' },
    });
  });

  it('should warn once per family, however often and through whichever endpoint it fails', () => {
    const log = captureLogs('warn');
    const families = new UnconfirmedFamilies(log.logger);
    for (let i = 0; i < 3; i++) {
      families.review('group.list', http(404));
      families.review('group.info', http(404));
      families.review('sms.accountList', http(404));
    }
    const lines = log.lines();
    expect(lines.map((line) => [line.level, line.family])).toEqual([
      [40, 'device-groups'],
      [40, 'sms'],
    ]);
    expect(String(lines[0].msg)).toContain('QUEC_PATH_DEVICE_GROUPS');
    expect(Object.keys(families.snapshot())).toEqual(['device-groups', 'sms']);
  });

  it('should hand back every other error untouched and log nothing', () => {
    const log = captureLogs('warn');
    const families = new UnconfirmedFamilies(log.logger);
    const outage = http(503);
    const documented = http(404);
    expect(families.review('group.list', outage)).toBe(outage);
    expect(families.review('product.list', documented)).toBe(documented);
    expect(log.lines()).toEqual([]);
  });
});
