import type { IncomingMessage, ServerResponse } from 'node:http';
import compression from 'compression';

/** Bodies smaller than this go out as they are: compressing them costs more than it saves. */
export const MIN_COMPRESS_BYTES = 1024;

/**
 * Connect-style middleware from the `compression` package: negotiates brotli or gzip from `accept-encoding`
 * (q-values honoured, brotli preferred on a tie), sets `vary: accept-encoding`, skips small and non-compressible
 * bodies. Its brotli default is quality 4: close to gzip's speed with a better ratio, where zlib's default (11)
 * would cost tens of milliseconds on a large device list.
 */
const middleware = compression({ threshold: MIN_COMPRESS_BYTES });

/**
 * Runs `handle` with `res` wrapped so whatever it writes is compressed when the client accepts it. Streamed bodies
 * must call `flushCompressed` after each part, or the compressor holds them back.
 */
export function withCompression(req: IncomingMessage, res: ServerResponse, handle: () => void): void {
  // The middleware is typed for Express; it only touches node:http's request and response.
  middleware(req as never, res as never, () => handle());
}

/** Pushes what the compressor buffered out to the client (a no-op when the response is not compressed). */
export function flushCompressed(res: ServerResponse): void {
  (res as ServerResponse & { flush?: () => void }).flush?.();
}
