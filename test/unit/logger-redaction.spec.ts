import { flatLineLogger } from '../../src/logger';
import { captureLogs } from '../helpers/log-capture';

describe('log redaction of inbound credentials', () => {
  it('should replace API keys, router secrets and bearer tokens in logged headers', () => {
    const log = captureLogs('info');
    log.logger.info(
      {
        headers: { 'x-api-key': 'key-value-1', 'x-router-secret': 'router-value-1', authorization: 'Bearer token-value-1' },
        request: { 'x-api-key': 'key-value-2' },
      },
      'request',
    );
    expect(log.text()).toContain('[redacted]');
    for (const secret of ['key-value-1', 'router-value-1', 'token-value-1', 'key-value-2']) expect(log.text()).not.toContain(secret);
  });
});

describe('flat lines', () => {
  it('should still replace a credential written at the top level of a flat line, and keep the other values', () => {
    const log = captureLogs('info');
    flatLineLogger(log.logger).info({ requestId: 'r-1', authorization: 'Bearer token-value-3', 'x-api-key': 'key-value-3' }, 'line');
    expect(log.lines()).toEqual([
      expect.objectContaining({ requestId: 'r-1', authorization: '[redacted]', 'x-api-key': '[redacted]', msg: 'line', service: 'quec-graph' }),
    ]);
  });
});
