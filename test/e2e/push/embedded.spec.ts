import type { Client } from 'graphql-ws';
import { startSimulator, type Device } from '../../../simulator';
import { graphqlData, metricReaches, startService, type RunningService } from '../../helpers/process';
import { subscribe, wsClient } from '../../helpers/ws-client';
import { describeWithBroker, pushBroker } from './push-broker';
import { WRITE_PROPERTIES, deviceRef } from './write-properties';

// The docs/push.md recipe run as a user would: the service process with its embedded simulator on a fixed port, and
// a local RabbitMQ whose HTTP auth backend asks that simulator who may connect. The seeded queue carries the messages.

describeWithBroker('the service process with its embedded simulator and a local RabbitMQ (docs/push.md)', () => {
  let service: RunningService;
  let client: Client;
  let queueName: string;
  let meter: Device;
  let secret: string;
  const closes: number[] = [];

  beforeAll(async () => {
    // The default seed is deterministic: a probe simulator shows the seeded queue and devices the process will have.
    const probe = await startSimulator();
    queueName = probe.store.admin.queues()[0].queueName;
    secret = probe.credentials.accessSecret;
    const meterProduct = probe.store.products().find((p) => p.role === 'meter' && p.authorized)!;
    meter = probe.store.devices(meterProduct.productKey).find((d) => d.deviceStatus === 1)!;
    await probe.close();
    // The docs/push.md recipe: the simulator on a fixed port, the broker's HTTP auth backend asking it who may connect.
    const { rabbit, simulatorPort } = await pushBroker();
    service = await startService({ QUEC_SIMULATOR_PORT: String(simulatorPort), QUEC_AMQP_URL: rabbit.url, QUEC_AMQP_QUEUE: queueName });
    client = wsClient(service.url, closes);
  }, 120_000);

  afterAll(async () => {
    await client?.dispose();
    await service?.stop();
  });

  const call = (query: string, variables?: Record<string, unknown>) => graphqlData(`${service.url}/graphql`, query, variables);

  it("should push the embedded simulator's messages, then close the socket with 1001 on SIGTERM", async () => {
    const { createDeviceMessageSubscription: created } = await call(
      'mutation($input: CreateDeviceMessageSubscriptionInput!) { createDeviceMessageSubscription(input: $input) { id } }',
      { input: { name: 'local', queueName, productKey: meter.productKey, deviceKey: meter.deviceKey, messageTypes: ['COMMAND_RESPONSE'] } },
    );
    await call('mutation($id: ID!) { startMessageSubscription(id: $id) { status } }', { id: created.id });
    const subscription = subscribe(client, 'subscription { deviceMessages { type ticket deviceKey } }');
    // The live-state consumer takes messages whether or not anyone listens: the command goes out only once the
    // subscription is registered, or its acknowledgement could pass before the socket has subscribed.
    await metricReaches(service.url, /^quec_graph_push_subscribers(\{[^}]*\})? 1$/m);
    const { writeDeviceProperties: written } = await call(WRITE_PROPERTIES, {
      input: { devices: [deviceRef(meter)], properties: [{ code: 'switch', value: true }] },
    });
    const { data } = await subscription.next();
    expect(data.deviceMessages).toEqual({ type: 'COMMAND_ACK', ticket: written.results[0].ticket, deviceKey: meter.deviceKey });

    const closed = expect(subscription.next()).rejects.toMatchObject({ code: 1001 });
    expect(await service.stop()).toBe(0);
    await closed;
    expect(closes).toEqual([1001]);
    // The consumer signed in with the simulator's key pair: neither the secret nor a signed username reaches the logs.
    expect(service.output()).toContain('push channel consuming');
    expect(service.output()).not.toContain(secret);
    expect(service.output()).not.toContain('auth_mode=accessKey');
  });
});
