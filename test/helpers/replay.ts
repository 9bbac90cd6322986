import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { HttpTransport, PlatformClient } from '../../src/datasources/platform/platform-client';

/** One file `npm run doctor` writes (docs/doctor.md): the request as sent and the platform's sanitised answer. */
export interface RecordedSample {
  endpoint: string;
  request: { method: string; path: string; query?: Record<string, string | number | boolean>; body?: unknown };
  answer?: unknown;
  failure?: { code: string; httpStatus?: number };
}

/** Every `*.json` sample of a folder (summary.json left out). */
export function loadSamples(dir: string): RecordedSample[] {
  return readdirSync(dir)
    .filter((file) => file.endsWith('.json') && file !== 'summary.json')
    .sort()
    .map((file) => JSON.parse(readFileSync(join(dir, file), 'utf8')) as RecordedSample);
}

/**
 * The real client over a fetch that answers from recorded samples: a request is served by the sample with the same
 * method, path and query; anything else fails the test (HTTP 599). `served` counts what was used, so a test can prove
 * its sample was read.
 */
export function replayClient(samples: readonly RecordedSample[]) {
  const served: string[] = [];
  const fetchImpl: typeof fetch = async (input, init) => {
    const url = new URL(String(input));
    const query = Object.fromEntries(url.searchParams);
    const sample = samples.find(
      (s) =>
        s.request.method === (init?.method ?? 'GET') &&
        s.request.path === url.pathname &&
        JSON.stringify(Object.fromEntries(Object.entries(s.request.query ?? {}).map(([k, v]) => [k, String(v)]))) === JSON.stringify(query),
    );
    if (!sample) return new Response(`no recorded sample for ${init?.method} ${url.pathname}${url.search}`, { status: 599 });
    served.push(sample.endpoint);
    if (sample.answer === undefined) return new Response('', { status: sample.failure?.httpStatus ?? 502 });
    return new Response(JSON.stringify(sample.answer), { status: 200, headers: { 'content-type': 'application/json' } });
  };
  const transport = new HttpTransport({ baseUrl: 'http://replay.invalid', timeoutMs: 1000, fetch: fetchImpl });
  const client = new PlatformClient({ transport, tokens: { getToken: async () => 'QJWT replay', invalidate: async () => undefined } });
  return { client, served };
}
