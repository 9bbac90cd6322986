import { RequestLog } from '../../simulator/request-log';
import { DEFAULT_REQUEST_LOG_LIMIT, resolveOptions } from '../../simulator/options';
import type { RequestLogEntry } from '../../simulator';

function entry(n: number, endpoint = 'product.list'): RequestLogEntry {
  return { endpoint, method: 'GET', path: `/p/${n}`, query: {}, body: undefined, headers: {}, code: 200, httpStatus: 200, at: n };
}

describe('RequestLog bound', () => {
  it('should keep only the most recent entries, oldest first, once the limit is reached', () => {
    const log = new RequestLog(3);
    for (let n = 1; n <= 7; n++) log.record(entry(n));
    expect(log.entries().map((e) => e.at)).toEqual([5, 6, 7]);
  });

  it('should keep every entry in order while under the limit', () => {
    const log = new RequestLog(5);
    for (let n = 1; n <= 3; n++) log.record(entry(n));
    expect(log.entries().map((e) => e.at)).toEqual([1, 2, 3]);
  });

  it('should count every request, including the ones no longer held', () => {
    const log = new RequestLog(2);
    for (let n = 1; n <= 5; n++) log.record(entry(n, n % 2 === 0 ? 'device.detail' : 'product.list'));
    expect(log.count()).toBe(5);
    expect(log.counters()).toEqual({ 'product.list': 3, 'device.detail': 2 });
  });

  it('should start again from empty after clear()', () => {
    const log = new RequestLog(2);
    for (let n = 1; n <= 3; n++) log.record(entry(n));
    log.clear();
    log.record(entry(9));
    expect({ entries: log.entries().map((e) => e.at), count: log.count() }).toEqual({ entries: [9], count: 1 });
  });

  it('should hand out copies that cannot change what it holds', () => {
    const log = new RequestLog(2);
    log.record(entry(1));
    log.entries()[0].path = '/changed';
    expect(log.entries()[0].path).toBe('/p/1');
  });

  it('should refuse a limit that is not a positive integer', () => {
    expect(() => new RequestLog(0)).toThrow(RangeError);
    expect(() => resolveOptions({ requestLogLimit: 0 })).toThrow(/requestLogLimit/);
  });

  it('should default to a bounded limit', () => {
    expect(resolveOptions().requestLogLimit).toBe(DEFAULT_REQUEST_LOG_LIMIT);
  });
});
