import pino from 'pino';

export type Logger = pino.Logger;

/**
 * Structured JSON logs. Redaction is a second line of defence: no code path should log a token or secret, but if
 * one ever lands in an object under these keys it is replaced before it is written.
 */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'quec-graph' },
      redact: {
        paths: [
          'authorization',
          '*.authorization',
          'headers.authorization',
          'accessToken',
          '*.accessToken',
          'access_token',
          '*.access_token',
          'accessSecret',
          '*.accessSecret',
          'password',
          '*.password',
          'appSecret',
          '*.appSecret',
          // Inbound credentials (docs/security.md): API keys, router secret, JWT signing key.
          '["x-api-key"]',
          '*["x-api-key"]',
          'headers["x-api-key"]',
          '["x-router-secret"]',
          '*["x-router-secret"]',
          'headers["x-router-secret"]',
          'apiKeys',
          '*.apiKeys',
          'routerSecret',
          '*.routerSecret',
          'secret',
          '*.secret',
        ],
        censor: '[redacted]',
      },
    },
    destination,
  );
}
