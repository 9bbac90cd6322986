import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { READ_ENDPOINTS, endpointFamily } from '../../src/datasources/platform/read-endpoints';
import { parseRetryAfter } from '../../src/datasources/platform/upstream-failure';

describe('parseRetryAfter', () => {
  const now = Date.UTC(2026, 11, 2, 8, 0, 0);

  it('should read delay-seconds as milliseconds', () => {
    expect(parseRetryAfter('3', now)).toBe(3000);
    expect(parseRetryAfter(' 0 ', now)).toBe(0);
  });

  it('should read an HTTP-date as the time left until it', () => {
    expect(parseRetryAfter('Wed, 02 Dec 2026 08:00:05 GMT', now)).toBe(5000);
  });

  it('should read an HTTP-date in the past as no wait', () => {
    expect(parseRetryAfter('Wed, 02 Dec 2026 07:59:00 GMT', now)).toBe(0);
  });

  it('should ignore an absent or unreadable header', () => {
    for (const value of [null, undefined, '', '-1', '1.5e3', 'soon', '99999999999']) expect(parseRetryAfter(value, now)).toBeUndefined();
  });
});

describe('the read endpoint allowlist', () => {
  /** Every `endpoint: '<name>'` the datasources declare, and the names passed to their helpers. */
  function declaredEndpoints(): Set<string> {
    const names = new Set<string>();
    const walk = (dir: string): void => {
      for (const entry of readdirSync(dir)) {
        const path = join(dir, entry);
        if (statSync(path).isDirectory()) walk(path);
        else if (path.endsWith('.api.ts')) for (const m of readFileSync(path, 'utf8').matchAll(/'([a-z]+\.[A-Za-z]+)'/g)) names.add(m[1]);
      }
    };
    walk(resolve(__dirname, '../../src/datasources'));
    return names;
  }

  it('should name only endpoints that a datasource declares', () => {
    const declared = declaredEndpoints();
    expect([...READ_ENDPOINTS].filter((name) => !declared.has(name))).toEqual([]);
  });

  it('should leave every downlink and every write out', () => {
    for (const write of [
      'dm.writeData',
      'dm.sendServiceData',
      'raw.sendData',
      'group.control',
      'enduser.setUserStatus',
      'binding.verifyBindingCode',
      'queue.create',
      'subscribe.start',
    ]) {
      expect({ write, read: READ_ENDPOINTS.has(write) }).toEqual({ write, read: false });
    }
  });

  it('should group endpoints into families by the name before the first dot', () => {
    expect(endpointFamily('device.detail')).toBe('device');
    expect(endpointFamily('group.taskDetail')).toBe('group');
    expect(endpointFamily('plain')).toBe('plain');
  });
});
