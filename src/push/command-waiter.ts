import { PushMessageType } from '../schema/messaging/push-message-type.enum';
import { commandOutcomeOf, type CommandOutcome } from './live-state';
import type { PushHub } from './push-hub';
import type { Timers } from './push-source';

/** The end of a wait for one command's acknowledgement. */
export type CommandWait = { ticket: string; outcome: CommandOutcome } | { ticket: string; outcome: null };

/**
 * Waits for the acknowledgement (REQACK) of the command with `ticket` and yields exactly one result: the outcome,
 * or `outcome: null` once `timeoutMs` passed without one; then ends. Subscribes before it looks in the store, so an
 * acknowledgement that arrives in between is not missed, and one that arrived before the wait (the device answered
 * before the client subscribed) is found in the store. Never hangs: the timer always ends it.
 */
export function awaitCommand(hub: PushHub, ticket: string, timeoutMs: number, timers: Timers): AsyncIterableIterator<CommandWait> {
  const subscription = hub.subscribe({ ticket, types: new Set([PushMessageType.COMMAND_ACK]) });
  let timer: unknown;
  let finished = false;
  const finish = async (): Promise<IteratorResult<CommandWait>> => {
    finished = true;
    if (timer !== undefined) timers.clearTimeout(timer);
    await subscription.return();
    return { value: undefined, done: true };
  };
  const wait = async (): Promise<CommandWait> => {
    const stored = await hub.store?.command(ticket).catch(() => undefined);
    if (stored) return { ticket, outcome: stored };
    const timedOut = new Promise<'timeout'>((resolve) => {
      timer = timers.setTimeout(() => resolve('timeout'), timeoutMs);
    });
    const next = await Promise.race([subscription.next(), timedOut]);
    if (next === 'timeout' || next.done) return { ticket, outcome: null };
    return { ticket, outcome: commandOutcomeOf(next.value.message, ticket) };
  };
  const iterator: AsyncIterableIterator<CommandWait> = {
    async next() {
      if (finished) return { value: undefined, done: true };
      const value = await wait();
      await finish();
      return { value, done: false };
    },
    return: finish,
    async throw(error?: unknown) {
      await finish();
      throw error;
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
  return iterator;
}
