import { freePort } from '../../helpers/free-port';
import { rabbitMqAvailable, startRabbitMq, type RabbitMqServer } from '../../helpers/rabbitmq-server';

export interface PushBroker {
  rabbit: RabbitMqServer;
  /** Where the broker's HTTP auth backend asks who may connect: the spec running now listens here. */
  simulatorPort: number;
}

let started: Promise<PushBroker> | undefined;

const brokerAvailable = rabbitMqAvailable();

/** `describe` where rabbitmq-server can run, else `describe.skip` (with REQUIRE_SERVICES=1 its absence fails instead). */
export const describeWithBroker = brokerAvailable ? describe : describe.skip;

/**
 * The one RabbitMQ node of this folder's specs, started by `bootPushBrokerEarly` or else by the first spec that asks
 * (a boot costs about 6 s of CPU). Its HTTP auth backend asks whichever simulator listens on `simulatorPort`. The
 * specs run one after another in test/e2e/in-process.test.ts and take turns on that port: each starts its simulator
 * (or the service embedding one) on it in `beforeAll` and closes it in `afterAll`. Queues outlive a spec on the
 * broker: a spec that reads one another spec used must not mind what that one may have left in it (the replicas spec
 * counts only its own numbered reports).
 */
export function pushBroker(): Promise<PushBroker> {
  started ??= (async () => {
    const simulatorPort = await freePort();
    return { rabbit: await startRabbitMq({ authBaseUrl: `http://127.0.0.1:${simulatorPort}` }), simulatorPort };
  })();
  return started;
}

/**
 * Starts booting the node now, without waiting, where one can run. A boot takes 5 to 15 s, of which about 6 s of CPU:
 * started by the first push spec, it left that test worker idle the whole time; started with the test file, it boots
 * while the specs before push/ run. A failed boot still fails each spec that awaits `pushBroker()`.
 */
export function bootPushBrokerEarly(): void {
  if (brokerAvailable) pushBroker().catch(() => undefined);
}

export async function stopPushBroker(): Promise<void> {
  const broker = await started?.catch(() => undefined);
  started = undefined;
  await broker?.rabbit.stop();
}
