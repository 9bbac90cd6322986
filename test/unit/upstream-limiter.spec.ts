import { UpstreamLimiter } from '../../src/datasources/platform/upstream-limiter';
import { ErrorCode, UpstreamError } from '../../src/errors';

/** A fake slow upstream: every call waits until the test releases it, and the calls in flight are counted. */
function slowUpstream() {
  const waiting: Array<() => void> = [];
  const state = { inFlight: 0, maxInFlight: 0, sent: 0 };
  const send = () =>
    new Promise<string>((resolve) => {
      state.sent += 1;
      state.inFlight += 1;
      state.maxInFlight = Math.max(state.maxInFlight, state.inFlight);
      waiting.push(() => {
        state.inFlight -= 1;
        resolve('ok');
      });
    });
  const releaseAll = () => {
    for (const release of waiting.splice(0)) release();
  };
  return { send, state, releaseAll, waiting };
}

/** Lets p-limit start the calls it dequeued (it does so on later microtasks). */
const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('UpstreamLimiter', () => {
  describe('concurrency', () => {
    it('should keep at most maxInFlight calls in flight and run every queued call in the end', async () => {
      const limiter = new UpstreamLimiter({ maxInFlight: 4, maxQueued: 1000 });
      const upstream = slowUpstream();
      const results = Array.from({ length: 50 }, () => limiter.run('device.detail', upstream.send));
      await settle();
      expect(upstream.state.inFlight).toBe(4);
      expect(limiter.queued).toBe(46);
      for (let round = 0; round < 50 && upstream.waiting.length > 0; round += 1) {
        upstream.releaseAll();
        await settle();
      }
      expect(await Promise.all(results)).toHaveLength(50);
      expect(upstream.state.maxInFlight).toBe(4);
      expect(upstream.state.sent).toBe(50);
    });
  });

  describe('shedding', () => {
    it('should refuse with SERVICE_OVERLOADED, without sending, once the queue is full', async () => {
      const limiter = new UpstreamLimiter({ maxInFlight: 2, maxQueued: 3 });
      const upstream = slowUpstream();
      const admitted = Array.from({ length: 5 }, () => limiter.run('device.detail', upstream.send));
      const shed = limiter.run('command.writeData', upstream.send);
      await expect(shed).rejects.toBeInstanceOf(UpstreamError);
      await expect(shed).rejects.toMatchObject({ code: ErrorCode.SERVICE_OVERLOADED, endpoint: 'command.writeData' });
      await settle();
      expect(upstream.state.sent).toBe(2);
      for (let round = 0; round < 10 && upstream.waiting.length > 0; round += 1) {
        upstream.releaseAll();
        await settle();
      }
      await Promise.all(admitted);
      expect(upstream.state.sent).toBe(5);
    });

    it('should admit calls again once the queue drains', async () => {
      const limiter = new UpstreamLimiter({ maxInFlight: 1, maxQueued: 0 });
      const upstream = slowUpstream();
      const first = limiter.run('a', upstream.send);
      await expect(limiter.run('b', upstream.send)).rejects.toMatchObject({ code: ErrorCode.SERVICE_OVERLOADED });
      await settle();
      upstream.releaseAll();
      await first;
      const again = limiter.run('c', upstream.send);
      await settle();
      upstream.releaseAll();
      await expect(again).resolves.toBe('ok');
    });
  });
});
