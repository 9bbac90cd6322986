import { buildClientSchema, getIntrospectionQuery, type GraphQLSchema, type IntrospectionQuery } from 'graphql';
import { request } from 'undici';
import { postGraphQL, type RunningService } from '../helpers/process';
import {
  aliasedInputs,
  deepInputs,
  injectionInputs,
  malformedInputs,
  oversizedInputs,
  wideInputs,
  INJECTIONS,
  type HostileInput,
} from '../helpers/hostile-inputs';

/** The service's default MAX_BODY_BYTES. */
const MAX_BODY_BYTES = 1024 * 1024;
/**
 * Sweep requests in flight at once: hostile, but not a load test (bench/ measures load). The embedded simulator
 * shares the service's event loop, so a probe waits behind about as many requests as are in flight: with 1 the
 * expected ratio is about 2, which leaves the 4x bound room for a loaded CI machine (with 2 it was about 3, and CI
 * saw 5.1x) while a hostile input that blocked the loop would still break it.
 */
const CONCURRENCY = 1;
/** One request may take this long before it counts as a hang. */
const REQUEST_TIMEOUT_MS = 15_000;
/** A normal query, as a client would send it, timed before and during the sweep. */
const PROBE = '{ products(first: 2) { edges { node { productKey name } } } }';
const PROBE_SAMPLES_BEFORE = 120;
/** The sweep's chunks, each preceded by PROBE_SAMPLES_BEFORE / SWEEP_CHUNKS quiet probes. */
const SWEEP_CHUNKS = 12;
/**
 * During the sweep a probe goes out beside every PROBE_EVERY-th input, so each one shares the service with a hostile
 * request. About 240 samples: beside every third input (480) the ratio to the p95 before was the same (about 2) and the
 * probes a quarter of the sweep's requests; back to back, 40 %.
 */
const PROBE_EVERY = 6;

interface Outcome {
  input: HostileInput;
  status?: number;
  /** Errors in the body without a string `extensions.code`. */
  uncoded: number;
  /** Transport failure (reset, timeout) or a body that was not JSON. */
  failure?: string;
  ms: number;
}

async function send(url: string, input: HostileInput): Promise<Outcome> {
  const started = performance.now();
  const outcome = await attempt(url, input);
  return { ...outcome, ms: performance.now() - started };
}

/**
 * One POST through undici's `request`, not `fetch`: the same HTTP/1.1 over a kept-alive connection, at about half the
 * client CPU per request, which over the sweep's 1,800 requests is seconds of a shared test machine.
 */
async function post(url: string, body: string, contentType = 'application/json'): Promise<{ status: number; text: string }> {
  const response = await request(url, {
    method: 'POST',
    headers: { 'content-type': contentType, 'apollo-require-preflight': 'true' },
    body,
    signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
  });
  return { status: response.statusCode, text: await response.body.text() };
}

async function attempt(url: string, input: HostileInput): Promise<Omit<Outcome, 'ms'>> {
  try {
    const { status, text } = await post(url, input.body, input.contentType);
    let body: { errors?: Array<{ extensions?: { code?: unknown } }> };
    try {
      body = JSON.parse(text);
    } catch {
      return { input, status, uncoded: 0, failure: `not JSON: ${text.slice(0, 80)}` };
    }
    const uncoded = (body.errors ?? []).filter((error) => typeof error.extensions?.code !== 'string').length;
    return { input, status, uncoded };
  } catch (error) {
    return { input, uncoded: 0, failure: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
  }
}

/**
 * Runs `inputs` with at most `concurrency` in flight, and times a probe beside every PROBE_EVERY-th input into
 * `probes` (a failed probe counts as infinitely slow).
 */
async function sweep(url: string, inputs: readonly HostileInput[], concurrency: number, probes: number[]): Promise<Outcome[]> {
  const outcomes: Outcome[] = new Array(inputs.length);
  let next = 0;
  const worker = async () => {
    while (next < inputs.length) {
      const index = next++;
      const probe = index % PROBE_EVERY === 0 ? probeOnce(url).catch(() => Number.POSITIVE_INFINITY) : undefined;
      outcomes[index] = await send(url, inputs[index]);
      if (probe) probes.push(await probe);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return outcomes;
}

async function probeOnce(url: string): Promise<number> {
  const started = performance.now();
  const { status, text } = await post(url, JSON.stringify({ query: PROBE }));
  const body = JSON.parse(text) as { errors?: unknown[] };
  if (status !== 200 || body.errors) throw new Error(`probe failed: ${status} ${JSON.stringify(body.errors)}`);
  return performance.now() - started;
}

function p95(samples: readonly number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.95) - 1)];
}

/**
 * The hostile sweep, as a `describe` against a service another block started and keeps running (a start costs about
 * 2.5 s of CPU): about 1,400 hostile requests, none of which may crash it, hang it, go uncoded or slow a normal query
 * down more than 4x. Declared inside that block, before any test that stops the service.
 */
export function describeHostileSweep(running: () => RunningService): void {
  describe('hostile sweep against the running service', () => {
    let service: RunningService;
    let graphql: string;
    let schema: GraphQLSchema;
    let inputs: HostileInput[];
    let outcomes: Outcome[];
    let before: number[];
    let during: number[];
    let sweepMs: number;

    beforeAll(async () => {
      service = running();
      graphql = `${service.url}/graphql`;
      const introspection = await postGraphQL(graphql, getIntrospectionQuery());
      schema = buildClientSchema(introspection.body.data as IntrospectionQuery);
      inputs = [
        ...injectionInputs(schema),
        ...deepInputs(30, [1, 2, 3, 4, 5, 8, 12, 16, 30]),
        ...wideInputs(schema),
        ...aliasedInputs([10, 100, 500, 1000]),
        ...oversizedInputs(MAX_BODY_BYTES),
        ...malformedInputs(),
      ];

      for (let i = 0; i < 10; i++) await probeOnce(graphql); // warm up: token, JIT, caches
      // The sweep runs in chunks with quiet probes before each, so the "before" samples spread over the same minutes as
      // the "during" ones: whatever else the machine runs meanwhile (other test workers) weighs on both alike.
      before = [];
      during = [];
      outcomes = [];
      const chunkSize = Math.ceil(inputs.length / SWEEP_CHUNKS);
      const started = performance.now();
      for (let offset = 0; offset < inputs.length; offset += chunkSize) {
        for (let i = 0; i < PROBE_SAMPLES_BEFORE / SWEEP_CHUNKS; i++) before.push(await probeOnce(graphql));
        outcomes.push(...(await sweep(graphql, inputs.slice(offset, offset + chunkSize), CONCURRENCY, during)));
      }
      sweepMs = performance.now() - started;
      process.stdout.write(
        `hostile sweep: ${inputs.length} inputs in ${Math.round(sweepMs)} ms; probe p95 before ${p95(before).toFixed(1)} ms ` +
          `(${before.length} samples), during ${p95(during).toFixed(1)} ms (${during.length} samples)\n` +
          `slowest: ${[...outcomes]
            .sort((a, b) => b.ms - a.ms)
            .slice(0, 8)
            .map((o) => `${o.input.label} ${Math.round(o.ms)} ms`)
            .join('; ')}\n`,
      );
    }, 120_000);

    it('should generate at least 1,000 inputs of every kind', () => {
      expect(inputs.length).toBeGreaterThanOrEqual(1_000);
      expect(new Set(inputs.map((input) => input.kind))).toEqual(new Set(['injection', 'deep', 'wide', 'aliased', 'oversized', 'malformed']));
    });

    it('should put every injection string into every text argument of every field and mutation', () => {
      const injected = new Set(inputs.filter((input) => input.kind === 'injection').map((input) => input.label.split(' <- ')[0]));
      // Spot checks that the enumeration reaches root queries, nested fields and mutations.
      expect([...injected]).toEqual(
        expect.arrayContaining(['Query.product', 'Query.devices', 'Mutation.deleteDevice', 'Mutation.updateMailAccount']),
      );
      expect(inputs.filter((input) => input.kind === 'injection').length).toBe(injected.size * INJECTIONS.length);
    });

    it('should answer every input without a 5xx', () => {
      const serverErrors = outcomes
        .filter((o) => o.status !== undefined && o.status >= 500)
        .map((o) => `${o.status} ${o.input.kind}: ${o.input.label}`);
      expect(serverErrors).toEqual([]);
    });

    it('should answer every input with JSON over an intact connection', () => {
      const failures = outcomes.filter((o) => o.failure).map((o) => `${o.input.kind}: ${o.input.label}: ${o.failure}`);
      expect(failures).toEqual([]);
    });

    it('should give every error an extensions.code', () => {
      const uncoded = outcomes.filter((o) => o.uncoded > 0).map((o) => `${o.input.kind}: ${o.input.label}`);
      expect(uncoded).toEqual([]);
    });

    it('should refuse oversized bodies with a coded 413', () => {
      const over = outcomes.filter((o) => o.input.kind === 'oversized' && /x the body limit/.test(o.input.label));
      expect(over.map((o) => o.status)).toEqual(over.map(() => 413));
    });

    it('should still be up and answering afterwards', async () => {
      expect({ exitCode: service.child.exitCode, lastOutput: service.child.exitCode === null ? '' : service.output().slice(-2000) }).toEqual({
        exitCode: null,
        lastOutput: '',
      });
      expect((await fetch(`${service.url}/health`)).status).toBe(200);
      expect(await probeOnce(graphql)).toBeGreaterThan(0);
    });

    it('should keep a normal query p95 during the sweep within 4x its p95 before', () => {
      expect(during.length).toBeGreaterThanOrEqual(30);
      expect(p95(during) / p95(before)).toBeLessThanOrEqual(4);
    });
  });
}
