import type { IncomingMessage } from 'node:http';

export type BodyRead =
  | { kind: 'ok'; text: string }
  /** `drained`: the rest of the body was read and discarded, so the connection can answer normally. */
  | { kind: 'too-large'; drained: boolean }
  | { kind: 'failed' };

/** How far past the limit we keep reading (and discarding) so the client can see the 413 instead of a reset. */
const DRAIN_FACTOR = 8;

/**
 * Reads a request body of at most `maxBytes`. Past the limit nothing more is kept; the rest is read and thrown away
 * (up to DRAIN_FACTOR times the limit), because closing a socket the client is still writing to makes it see a
 * connection reset instead of our 413. A body declared (content-length) or sent beyond that is cut off after the answer.
 */
export function readBody(req: IncomingMessage, maxBytes: number): Promise<BodyRead> {
  const declared = Number(req.headers['content-length'] ?? NaN);
  const drainLimit = maxBytes * DRAIN_FACTOR;
  if (Number.isFinite(declared) && declared > drainLimit) {
    req.pause();
    return Promise.resolve({ kind: 'too-large', drained: false });
  }
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= maxBytes) {
        chunks.push(chunk);
        return;
      }
      chunks.length = 0;
      if (size > drainLimit) {
        req.off('data', onData);
        req.pause();
        resolve({ kind: 'too-large', drained: false });
      }
    };
    req.on('data', onData);
    req.on('end', () =>
      resolve(size > maxBytes ? { kind: 'too-large', drained: true } : { kind: 'ok', text: Buffer.concat(chunks).toString('utf8') }),
    );
    req.on('error', () => resolve({ kind: 'failed' }));
  });
}
