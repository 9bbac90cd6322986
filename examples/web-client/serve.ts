import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';

/** This folder, whether running from the TypeScript source (tests) or from dist/ (`npm run example:web`). */
const HERE = existsSync(join(__dirname, 'src', 'main.ts')) ? __dirname : resolve(__dirname, '../../../examples/web-client');

export interface WebClientServer {
  /** Where the page is, e.g. http://127.0.0.1:5173/ ; its origin is what CORS_ORIGINS must list. */
  url: string;
  close(): Promise<void>;
}

/**
 * Bundles `src/main.ts` with esbuild (in memory, about 50 ms) and serves it with `index.html` on its own origin,
 * pointed at quec-graph's `graphqlUrl`. Example code: a dev server, not for production.
 */
export async function startWebClient(options: { graphqlUrl: string; port?: number; host?: string }): Promise<WebClientServer> {
  const bundle = await build({
    entryPoints: [join(HERE, 'src', 'main.ts')],
    bundle: true,
    format: 'esm',
    target: 'es2022',
    minify: true,
    write: false,
    logLevel: 'silent',
  });
  const script = bundle.outputFiles[0].contents;
  const graphql = new URL(options.graphqlUrl);
  const socket = new URL(graphql.href);
  socket.protocol = graphql.protocol === 'https:' ? 'wss:' : 'ws:';
  const page = readFileSync(join(HERE, 'index.html'), 'utf8').replace('%ENDPOINT%', graphql.href);
  const csp = `default-src 'self'; style-src 'self' 'unsafe-inline'; connect-src ${graphql.origin} ${socket.origin}`;

  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (path === '/' || path === '/index.html') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': csp, 'cache-control': 'no-cache' });
      res.end(page);
    } else if (path === '/main.js') {
      res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'no-cache' });
      res.end(script);
    } else {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
    }
  });
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', done);
  });
  const { address, port } = server.address() as AddressInfo;
  return {
    url: `http://${address}:${port}/`,
    close: () => new Promise((done) => server.close(() => done())),
  };
}

if (require.main === module) {
  const graphqlUrl = process.argv[2] ?? 'http://127.0.0.1:4000/graphql';
  const port = Number(process.argv[3] ?? 5173);
  startWebClient({ graphqlUrl, port }).then(
    ({ url }) => process.stdout.write(`web client at ${url} (start quec-graph with CORS_ORIGINS=${new URL(url).origin})\n`),
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(1);
    },
  );
}
