import { Writable } from 'node:stream';
import { createLogger, type Logger } from '../../src/logger';

export interface LogCapture {
  /** The service's logger (redaction included) at the given level, writing here instead of stdout. */
  logger: Logger;
  /** Everything written so far, exactly as written: what a secret must never appear in. */
  text(): string;
  /** The JSON lines written so far, parsed. */
  lines(): Array<Record<string, unknown>>;
  clear(): void;
}

/** Captures what the service logs, for tests that read its log lines or check that nothing secret was logged. */
export function captureLogs(level: string): LogCapture {
  let written = '';
  const sink = new Writable({
    write(chunk, _encoding, done) {
      written += String(chunk);
      done();
    },
  });
  return {
    logger: createLogger(level, sink),
    text: () => written,
    lines: () =>
      written
        .split('\n')
        .filter((line) => line.trim() !== '')
        .map((line) => JSON.parse(line) as Record<string, unknown>),
    clear: () => {
      written = '';
    },
  };
}
