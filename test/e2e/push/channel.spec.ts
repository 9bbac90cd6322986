import type { Client } from 'graphql-ws';
import { startSimulator, type Device, type SimulatorHandle } from '../../../simulator';
import { startHttpService, type HttpService } from '../../helpers/http-service';
import { graphqlData } from '../../helpers/process';
import { WatchedMetrics } from '../../helpers/watched-metrics';
import { leaveAll, subscribe, wsClient, type WsSubscription } from '../../helpers/ws-client';
import { describeWithBroker, pushBroker } from './push-broker';
import { WRITE_PROPERTIES, deviceRef } from './write-properties';

// The whole push path (§9) with real parts: our service consumes a real RabbitMQ queue that the simulator fills from
// its API actions, and a real graphql-ws client subscribes. The queue and the started subscription are made through
// our own GraphQL mutations. "Nothing else arrived" is proven by a later message arriving next, never by waiting.

const QUEUE_NAME = 'quec_graph_e2e';
const FIELDS = 'type platformType platformSubtype ticket productKey deviceKey data device { deviceKey name }';

describeWithBroker('push channel end to end: simulator -> RabbitMQ -> quec-graph -> graphql-ws', () => {
  let sim: SimulatorHandle;
  let service: HttpService;
  let metrics: WatchedMetrics;
  let client: Client;
  let meters: Device[];

  const graphql = (query: string, variables?: Record<string, unknown>) => graphqlData(`${service.url}/graphql`, query, variables);

  beforeAll(async () => {
    const { rabbit, simulatorPort } = await pushBroker();
    sim = await startSimulator({ port: simulatorPort });
    await sim.push.attach(rabbit.url);
    // The platform names queues a.<account>.<name> (§6.6); the seeded queues show this account's prefix.
    const account = /^a\.([^.]+)\./.exec(sim.store.admin.queues()[0].queueName)![1];
    metrics = new WatchedMetrics();
    service = await startHttpService({
      sim,
      // Consumes only while subscribed, so the queue this test creates exists by then (no reconnect backoff to wait out).
      env: { QUEC_AMQP_URL: rabbit.url, QUEC_AMQP_QUEUE: `a.${account}.${QUEUE_NAME}`, QUEC_PUSH_LIVE_STATE: 'false' },
      overrides: { metrics },
    });
    const meterProduct = sim.store.products().find((p) => p.role === 'meter' && p.authorized)!;
    meters = sim.store
      .devices(meterProduct.productKey)
      .filter((d) => d.deviceStatus === 1)
      .slice(0, 2);
    expect(meters).toHaveLength(2);

    // The queue and a started product-level subscription, through our own graph.
    const { createMessageQueue: queue } = await graphql('mutation($input: CreateMessageQueueInput!) { createMessageQueue(input: $input) { name } }', {
      input: { name: QUEUE_NAME },
    });
    expect(queue.name).toBe(`a.${account}.${QUEUE_NAME}`);
    const { createDeviceMessageSubscription: subscription } = await graphql(
      'mutation($input: CreateDeviceMessageSubscriptionInput!) { createDeviceMessageSubscription(input: $input) { id } }',
      {
        input: {
          name: 'quec_graph_e2e',
          queueName: queue.name,
          productKey: meterProduct.productKey,
          messageTypes: ['PROPERTY', 'COMMAND_RESPONSE'],
        },
      },
    );
    await graphql('mutation($id: ID!) { startMessageSubscription(id: $id) { status } }', { id: subscription.id });
    client = wsClient(service.url);
  }, 120_000);

  afterEach(async () => {
    await leaveAll();
    await metrics.subscribers(0);
  });

  afterAll(async () => {
    await client?.dispose();
    // Closes the simulator too, which frees the broker's auth port for the next spec.
    await service?.close();
  });

  async function next(subscription: WsSubscription) {
    const { data, errors } = await subscription.next();
    expect(errors).toBeUndefined();
    return data.deviceMessages;
  }

  it('should consume nothing while nobody subscribes, so the broker keeps the message for the first subscriber', async () => {
    expect(service.app.push!.subscriberCount).toBe(0);
    const queued = await sim.push.deviceReport(meters[0].productKey, meters[0].deviceKey, { voltage: 231 });
    expect(queued).toBe(1);
    // Never connected so far: the consumer connects only for a subscriber.
    expect((await service.app.metrics.render()).body).toMatch(/^quec_graph_push_connected\{[^}]*\} 0$/m);
    expect((await service.app.metrics.render()).body).not.toMatch(/^quec_graph_push_connection_attempts_total\{/m);
    const subscription = subscribe(client, `subscription { deviceMessages { ${FIELDS} } }`);
    const report = await next(subscription);
    expect(report).toMatchObject({ type: 'PROPERTY_REPORT', platformType: 'MATTR', platformSubtype: 'REPORT', ...deviceRef(meters[0]) });
    expect(report.data.kv).toMatchObject({ voltage: 231 });
    expect(report.device).toEqual({ deviceKey: meters[0].deviceKey, name: meters[0].deviceName });
  });

  it('should push PROPERTY_WRITE and COMMAND_ACK carrying the ticket writeDeviceProperties returned', async () => {
    const subscription = subscribe(client, `subscription($pk: String) { deviceMessages(productKey: $pk) { ${FIELDS} } }`, {
      pk: meters[0].productKey,
    });
    await metrics.subscribers(1);
    const started = performance.now();
    const { writeDeviceProperties: written } = await graphql(WRITE_PROPERTIES, {
      input: { devices: [deviceRef(meters[0])], properties: [{ code: 'switch', value: true }] },
    });
    const answered = performance.now();
    expect(written.acceptedCount).toBe(1);
    const ticket = written.results[0].ticket as string;
    expect(ticket).toMatch(/^\d+$/);

    const write = await next(subscription);
    const ack = await next(subscription);
    const received = performance.now();
    expect(write).toMatchObject({ type: 'PROPERTY_WRITE', ticket, ...deviceRef(meters[0]), data: { kv: { switch: expect.anything() } } });
    expect(ack).toMatchObject({
      type: 'COMMAND_ACK',
      platformType: 'REQACK',
      platformSubtype: null,
      ticket,
      ...deviceRef(meters[0]),
      data: { status: 'succ' },
    });
    process.stdout.write(
      `push e2e: writeDeviceProperties answered in ${(answered - started).toFixed(1)} ms; ` +
        `PROPERTY_WRITE + COMMAND_ACK reached the graphql-ws client ${(received - answered).toFixed(1)} ms after the answer\n`,
    );
  });

  it("should give each subscriber only its device's messages", async () => {
    const [first, second] = meters;
    const mine = subscribe(client, `subscription($pk: String, $dk: String) { deviceMessages(productKey: $pk, deviceKey: $dk) { ${FIELDS} } }`, {
      pk: first.productKey,
      dk: first.deviceKey,
    });
    const acks = subscribe(client, 'subscription($pk: String) { deviceMessages(productKey: $pk, types: [COMMAND_ACK]) { type ticket deviceKey } }', {
      pk: first.productKey,
    });
    await metrics.subscribers(2);
    const { writeDeviceProperties: written } = await graphql(WRITE_PROPERTIES, {
      input: { devices: [deviceRef(second), deviceRef(first)], properties: [{ code: 'switch', value: false }] },
    });
    const ticketOf = (device: Device) => written.results.find((r: { deviceKey: string }) => r.deviceKey === device.deviceKey).ticket;
    // A last message for `first`: if anything of `second` had leaked through the filter it would arrive before it.
    await sim.push.deviceReport(first.productKey, first.deviceKey, { voltage: 229 });

    const seen = [await next(mine), await next(mine), await next(mine)].map((m) => [m.type, m.deviceKey, m.ticket]);
    expect(seen.slice(0, 2)).toEqual([
      ['PROPERTY_WRITE', first.deviceKey, ticketOf(first)],
      ['COMMAND_ACK', first.deviceKey, ticketOf(first)],
    ]);
    expect(seen[2].slice(0, 2)).toEqual(['PROPERTY_REPORT', first.deviceKey]);

    const ackTickets = [await next(acks), await next(acks)].map((m) => [m.type, m.deviceKey, m.ticket]);
    expect(ackTickets).toEqual(
      expect.arrayContaining([
        ['COMMAND_ACK', first.deviceKey, ticketOf(first)],
        ['COMMAND_ACK', second.deviceKey, ticketOf(second)],
      ]),
    );
  });
});
