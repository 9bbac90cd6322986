import { UpstreamError } from '../../errors';

/** Account limits of message subscription management (reference §6.6), by the upstream code that reports them. */
const LIMIT_MESSAGES: Record<number, string> = {
  16007: 'The account already has the maximum of 50 message queues; delete one first',
  16018: 'The account already has the maximum of 100 message subscriptions; delete one first',
  16008: 'The queue still has subscriptions; delete them first',
  16019: 'The subscription is running; stop it before deleting it',
  16020: 'The subscription is already running',
  16021: 'The subscription is not running',
  16022: 'The subscription is running; stop it before changing it',
};

/**
 * Runs an upstream write and, when the platform refuses it for a documented limit or state rule, says so in
 * plain words. Code, extensions and upstream detail stay exactly as the one mapping in errors.ts made them.
 */
export async function explainingLimits<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    const explanation = error instanceof UpstreamError ? LIMIT_MESSAGES[error.upstream?.code ?? 0] : undefined;
    if (!explanation || !(error instanceof UpstreamError)) throw error;
    throw new UpstreamError(`${explanation} (platform: ${error.upstream?.msg ?? ''})`, error.code, error.upstream, error.endpoint);
  }
}
