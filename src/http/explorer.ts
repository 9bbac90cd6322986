import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { START_SCRIPT } from './explorer-start';

/**
 * The README's first query (a gateway and its sub-devices) and its variables: what the Sandbox and GraphiQL open
 * with, so a newcomer runs the documented example with one click. test/unit/explorer.test.ts checks README.md
 * still shows exactly this text.
 */
export const FIRST_QUERY = `query Gateway($productKey: String!, $deviceKey: String!) {
  device(productKey: $productKey, deviceKey: $deviceKey) {
    deviceKey
    status
    product { name accessType }
    subDevices(first: 20) {
      totalCount
      edges { current node { productKey deviceKey name status } }
    }
  }
}
`;
export const FIRST_QUERY_VARIABLES = { productKey: 'p1ciJR', deviceKey: '861237040287837' } as const;

/** Where GraphiQL is served; its files live below `${EXPLORER_PATH}/assets/`. */
export const EXPLORER_PATH = '/graphiql';

/**
 * Everything the page loads, from npm packages in node_modules (no CDN: the explorer works offline). graphiql 3 is
 * the last major that ships a prebuilt UMD bundle; it expects React 18's UMD globals. graphql-ws's UMD build
 * carries subscriptions over the same `/graphql` WebSocket the service already serves.
 */
const PACKAGE_ASSETS: Record<string, { pkg: string; file: string; type: string }> = {
  'react.js': { pkg: 'react', file: 'umd/react.production.min.js', type: 'text/javascript' },
  'react-dom.js': { pkg: 'react-dom', file: 'umd/react-dom.production.min.js', type: 'text/javascript' },
  'graphiql.js': { pkg: 'graphiql', file: 'graphiql.min.js', type: 'text/javascript' },
  'graphiql.css': { pkg: 'graphiql', file: 'graphiql.min.css', type: 'text/css' },
  'graphql-ws.js': { pkg: 'graphql-ws', file: 'umd/graphql-ws.min.js', type: 'text/javascript' },
};

/**
 * Same-origin everything, no inline script, no eval. Inline styles stay allowed: CodeMirror 5 (inside GraphiQL 3)
 * positions its editor with style attributes. `connect-src 'self'` covers the page's own ws:/wss: origin too.
 */
export const EXPLORER_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

interface Asset {
  body: Buffer;
  type: string;
  etag: string;
}

function asset(body: string | Buffer, type: string): Asset {
  const bytes = typeof body === 'string' ? Buffer.from(body) : body;
  return { body: bytes, type, etag: `"${createHash('sha256').update(bytes).digest('base64url').slice(0, 27)}"` };
}

function page(graphqlPath: string): string {
  // `<` escaped so no value can close the data block early.
  const settings = JSON.stringify({ endpoint: graphqlPath, query: FIRST_QUERY, variables: JSON.stringify(FIRST_QUERY_VARIABLES, null, 2) }).replace(
    /</g,
    '\\u003c',
  );
  const assets = `${EXPLORER_PATH}/assets`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>quec-graph GraphiQL</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="${assets}/graphiql.css">
<style>html, body, #graphiql { height: 100%; margin: 0; }</style>
</head>
<body>
<div id="graphiql">Loading GraphiQL...</div>
<script id="graphiql-settings" type="application/json">${settings}</script>
<script src="${assets}/react.js"></script>
<script src="${assets}/react-dom.js"></script>
<script src="${assets}/graphiql.js"></script>
<script src="${assets}/graphql-ws.js"></script>
<script src="${assets}/start.js"></script>
</body>
</html>
`;
}

/**
 * The offline GraphiQL explorer: the page at `/graphiql` and its assets, read from node_modules once, on first use,
 * and kept in memory (about 1.5 MB). Served with an ETag and `no-cache`, so a browser revalidates instead of
 * keeping an old GraphiQL after an upgrade.
 */
export class Explorer {
  private assets: Map<string, Asset> | undefined;

  constructor(private readonly graphqlPath = '/graphql') {}

  /** Whether `path` is the explorer's page or one of its assets. */
  owns(path: string): boolean {
    return path === EXPLORER_PATH || path.startsWith(`${EXPLORER_PATH}/`);
  }

  /** Answers a path `owns` accepted: the page, an asset, or 404. */
  serve(path: string, req: IncomingMessage, res: ServerResponse): void {
    const assetsPrefix = `${EXPLORER_PATH}/assets/`;
    const name = path.startsWith(assetsPrefix)
      ? path.slice(assetsPrefix.length)
      : path === EXPLORER_PATH || path === `${EXPLORER_PATH}/`
        ? 'index.html'
        : '';
    const found = name === '' ? undefined : this.load().get(name);
    if (found === undefined) {
      res.writeHead(404, { 'content-type': 'application/json', 'cache-control': 'no-store' });
      res.end(JSON.stringify({ error: 'not found' }));
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD', 'content-type': 'text/plain' });
      res.end('Method not allowed');
      return;
    }
    const headers: Record<string, string> = {
      'content-type': `${found.type}; charset=utf-8`,
      'cache-control': 'no-cache',
      etag: found.etag,
      'x-content-type-options': 'nosniff',
    };
    if (name === 'index.html') {
      headers['content-security-policy'] = EXPLORER_CSP;
      headers['referrer-policy'] = 'no-referrer';
    }
    if (req.headers['if-none-match'] === found.etag) {
      res.writeHead(304, headers);
      res.end();
      return;
    }
    res.writeHead(200, headers);
    res.end(req.method === 'HEAD' ? undefined : found.body);
  }

  private load(): Map<string, Asset> {
    if (this.assets === undefined) {
      const assets = new Map<string, Asset>();
      assets.set('index.html', asset(page(this.graphqlPath), 'text/html'));
      assets.set('start.js', asset(START_SCRIPT, 'text/javascript'));
      for (const [name, { pkg, file, type }] of Object.entries(PACKAGE_ASSETS)) {
        assets.set(name, asset(readFileSync(join(dirname(require.resolve(`${pkg}/package.json`)), file)), type));
      }
      this.assets = assets;
    }
    return this.assets;
  }
}
