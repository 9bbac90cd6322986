import { HttpTransport, type PlatformRequest, type TransportOptions } from '../../src/datasources/platform/platform-client';
import { UpstreamError } from '../../src/errors';
import { UpstreamTransportError } from '../../src/datasources/platform/upstream-failure';

/** One exchange as the platform saw it and answered it: unsanitised, kept in memory only. */
export interface Exchange {
  endpoint: string;
  request: { method: string; path: string; query?: PlatformRequest['query']; body?: unknown };
  /** The parsed JSON answer; absent when the exchange failed before one was read. */
  answer?: unknown;
  /** How it failed without an answer: our error code and, for an HTTP error, its status. */
  failure?: { code: string; httpStatus?: number };
}

/** The real transport, remembering every exchange so the doctor can write samples of them. Headers are never kept. */
export class RecordingTransport extends HttpTransport {
  readonly exchanges: Exchange[] = [];

  constructor(options: TransportOptions) {
    super(options);
  }

  override async exchange(request: PlatformRequest, headers: Record<string, string> = {}): ReturnType<HttpTransport['exchange']> {
    const recorded: Exchange = {
      endpoint: request.endpoint,
      request: { method: request.method, path: request.path, query: request.query, body: request.body },
    };
    this.exchanges.push(recorded);
    try {
      const answer = await super.exchange(request, headers);
      recorded.answer = answer;
      return answer;
    } catch (error) {
      recorded.failure = {
        code: error instanceof UpstreamError ? error.code : 'ERROR',
        httpStatus: error instanceof UpstreamTransportError ? error.status : undefined,
      };
      throw error;
    }
  }
}
