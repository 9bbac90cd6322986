import { Writable } from 'node:stream';
import { createLogger } from '../../src/logger';

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
