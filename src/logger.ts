import pino from 'pino';

export type Logger = pino.Logger;

/** Keys whose values are credentials. */
const SECRET_KEYS = [
  'authorization',
  'accessToken',
  'access_token',
  'accessSecret',
  'password',
  'appSecret',
  // Inbound credentials (docs/security.md): API keys, router secret, JWT signing key.
  '["x-api-key"]',
  '["x-router-secret"]',
  'apiKeys',
  'routerSecret',
  'secret',
];

const CENSOR = '[redacted]';

/**
 * Structured JSON logs. Redaction is a second line of defence: no code path should log a token or secret, but if
 * one ever lands in an object under these keys, at the top level or one level down (or in `headers`), it is replaced
 * before it is written.
 */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  const paths = SECRET_KEYS.flatMap((key) => [key, `*${key.startsWith('[') ? '' : '.'}${key}`]);
  paths.push('headers.authorization', 'headers["x-api-key"]', 'headers["x-router-secret"]');
  return pino({ level, base: { service: 'quec-graph' }, redact: { paths, censor: CENSOR } }, destination);
}

/**
 * The same logger for lines whose values are all flat (strings, numbers, arrays of them), such as the one line per
 * request. pino runs every top-level value of a line through each `*.key` path, parsing the paths again each time
 * (about 30 KB allocated per request line); a flat line has nothing one level down, so only the top-level keys are
 * redacted, which costs nothing unless such a key is there.
 */
export function flatLineLogger(logger: Logger): Logger {
  return logger.child({}, { redact: { paths: SECRET_KEYS, censor: CENSOR } });
}
