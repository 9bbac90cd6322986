import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AmqpAuthPolicy } from './amqp-auth.policy';

/** Where RabbitMQ's HTTP auth backend asks (configured by whoever starts the broker, see the push contract). */
export const AMQP_AUTH_PREFIX = '/amqp/auth/';

const MAX_BODY_BYTES = 64 * 1024;

type Question = keyof AmqpAuthPolicy;
const QUESTIONS = new Set<string>(['user', 'vhost', 'resource', 'topic']);

export function isAmqpAuthPath(url: string | undefined): boolean {
  return (url ?? '').startsWith(AMQP_AUTH_PREFIX);
}

/**
 * Answers the broker's `allow` / `deny` questions. These are not platform OpenAPI calls, so they bypass the route
 * registry, the request log, latency and fault injection: a test that counts upstream calls must not see the
 * broker's traffic. Fields come form-encoded in a POST body or, for the plugin's GET mode, in the query.
 */
export function createAmqpAuthListener(policy: AmqpAuthPolicy) {
  return (req: IncomingMessage, res: ServerResponse): void => {
    readBody(req)
      .then((raw) => {
        const url = new URL(req.url ?? '/', 'http://simulator.invalid');
        const question = url.pathname.slice(AMQP_AUTH_PREFIX.length);
        const fields = { ...Object.fromEntries(new URLSearchParams(raw)), ...Object.fromEntries(url.searchParams) };
        const allowed = QUESTIONS.has(question) && policy[question as Question](fields);
        answer(res, QUESTIONS.has(question) ? 200 : 404, allowed ? 'allow' : 'deny');
      })
      .catch(() => answer(res, 400, 'deny'));
  };
}

function answer(res: ServerResponse, status: number, text: string): void {
  if (res.headersSent) return;
  res.writeHead(status, { 'content-type': 'text/plain', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new RangeError('auth request body too large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}
