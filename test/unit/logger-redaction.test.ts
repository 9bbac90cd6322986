import { Writable } from 'node:stream';
import { createLogger, flatLineLogger } from '../../src/logger';

describe('log redaction of inbound credentials', () => {
  it('should replace API keys, router secrets and bearer tokens in logged headers', () => {
    let written = '';
    const sink = new Writable({
      write: (chunk, _encoding, done) => {
        written += String(chunk);
        done();
      },
    });
    createLogger('info', sink).info(
      {
        headers: { 'x-api-key': 'key-value-1', 'x-router-secret': 'router-value-1', authorization: 'Bearer token-value-1' },
        request: { 'x-api-key': 'key-value-2' },
      },
      'request',
    );
    expect(written).toContain('[redacted]');
    for (const secret of ['key-value-1', 'router-value-1', 'token-value-1', 'key-value-2']) expect(written).not.toContain(secret);
  });
});

describe('flat lines', () => {
  it('should still replace a credential written at the top level of a flat line, and keep the other values', () => {
    let written = '';
    const sink = new Writable({
      write: (chunk, _encoding, done) => {
        written += String(chunk);
        done();
      },
    });
    flatLineLogger(createLogger('info', sink)).info({ requestId: 'r-1', authorization: 'Bearer token-value-3', 'x-api-key': 'key-value-3' }, 'line');
    const line = JSON.parse(written) as Record<string, unknown>;
    expect(line).toMatchObject({ requestId: 'r-1', authorization: '[redacted]', 'x-api-key': '[redacted]', msg: 'line', service: 'quec-graph' });
  });
});
