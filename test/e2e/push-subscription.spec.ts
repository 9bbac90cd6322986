import type { Client } from 'graphql-ws';
import { FakePushSource, pushBody } from '../fakes/fake-push-source';
import { startHttpService, type HttpService } from '../helpers/http-service';
import { WatchedMetrics } from '../helpers/watched-metrics';
import { leaveAll, subscribe, wsClient } from '../helpers/ws-client';

const MESSAGE_FIELDS = 'type platformType platformSubtype operation ticket productKey deviceKey createdAt occurredAt data extra droppedBefore';

// QUEC_PUSH_LIVE_STATE=false: the mode that consumes only while someone subscribes (live-state.test.ts covers the default).
const LAZY = { QUEC_PUSH_LIVE_STATE: 'false' };

describe('Subscription.deviceMessages over graphql-ws (fake message source)', () => {
  let service: HttpService;
  let source: FakePushSource;
  let metrics: WatchedMetrics;
  let client: Client;
  let device: { productKey: string; deviceKey: string; name: string };

  beforeAll(async () => {
    source = new FakePushSource();
    metrics = new WatchedMetrics();
    service = await startHttpService({ env: LAZY, overrides: { pushSource: source, metrics } });
    const listed = await service.app.server.executeOperation(
      { query: '{ products(first: 1) { edges { node { devices(first: 1) { edges { node { productKey deviceKey name } } } } } } }' },
      { contextValue: service.app.createContext() },
    );
    if (listed.body.kind !== 'single') throw new Error('expected a single result');
    device = (listed.body.singleResult.data as any).products.edges[0].node.devices.edges[0].node;
    client = wsClient(service.url);
  });

  afterAll(async () => {
    await client?.dispose();
    await service?.close();
  });

  afterEach(async () => {
    await leaveAll();
    await metrics.subscribers(0);
  });

  it('should push a message with its device loaded from the platform', async () => {
    const subscription = subscribe(
      client,
      `subscription { deviceMessages { ${MESSAGE_FIELDS} device { productKey deviceKey name } gateway { deviceKey } } }`,
    );
    source.emit(
      pushBody({
        productKey: device.productKey,
        deviceKey: device.deviceKey,
        ticket: 'T-report',
        createdAt: 1_700_000_000_000,
        extData: { occurredAt: '1699999999000' },
        gateway: { productKey: 'pGw', deviceKey: 'gw1' },
        data: { packetId: 5, kv: { temperature: 21.5 } },
      }),
    );
    const { data, errors } = await subscription.next();
    expect(errors).toBeUndefined();
    expect(data.deviceMessages).toEqual({
      type: 'PROPERTY_REPORT',
      platformType: 'MATTR',
      platformSubtype: 'REPORT',
      operation: null,
      ticket: 'T-report',
      productKey: device.productKey,
      deviceKey: device.deviceKey,
      createdAt: '2023-11-14T22:13:20.000Z',
      occurredAt: '2023-11-14T22:13:19.000Z',
      data: { packetId: 5, kv: { temperature: 21.5 } },
      extra: null,
      droppedBefore: 0,
      device: { ...device },
      gateway: { deviceKey: 'gw1' },
    });
    await subscription.leave();
  });

  it("should load the device afresh for every message, never from an earlier message's cache", async () => {
    const subscription = subscribe(client, 'subscription($pk: String) { deviceMessages(productKey: $pk) { ticket device { name } } }', {
      pk: device.productKey,
    });
    const at = { productKey: device.productKey, deviceKey: device.deviceKey };
    source.emit(pushBody({ ...at, ticket: 'before' }));
    expect((await subscription.next()).data.deviceMessages).toEqual({ ticket: 'before', device: { name: device.name } });
    const renamed = await service.app.server.executeOperation(
      {
        query: 'mutation($input: UpdateDeviceInput!) { updateDevice(input: $input) { name } }',
        variables: { input: { ...at, name: 'renamed by test' } },
      },
      { contextValue: service.app.createContext() },
    );
    expect(renamed.body.kind === 'single' && renamed.body.singleResult.errors).toBeFalsy();
    source.emit(pushBody({ ...at, ticket: 'after' }));
    expect((await subscription.next()).data.deviceMessages).toEqual({ ticket: 'after', device: { name: 'renamed by test' } });
    await subscription.leave();
  });

  it('should give each subscriber the messages its filters select, in order', async () => {
    const byDevice = subscribe(client, 'subscription { deviceMessages(productKey: "p1", deviceKey: "d2") { ticket } }');
    const acks = subscribe(client, 'subscription { deviceMessages(types: [COMMAND_ACK]) { ticket type } }');
    await metrics.subscribers(2);
    source.emit(pushBody({ productKey: 'p1', deviceKey: 'd1', ticket: 'd1-report' }));
    source.emit(pushBody({ productKey: 'p1', deviceKey: 'd2', ticket: 'd2-report' }));
    source.emit(
      pushBody({ productKey: 'p1', deviceKey: 'd1', ticket: 'd1-ack', type: 'REQACK', subtype: undefined, data: { status: 'succ', sentAt: 1 } }),
    );
    source.emit(
      pushBody({ productKey: 'p1', deviceKey: 'd2', ticket: 'd2-ack', type: 'REQACK', subtype: undefined, data: { status: 'succ', sentAt: 1 } }),
    );
    expect([(await byDevice.next()).data, (await byDevice.next()).data]).toEqual([
      { deviceMessages: { ticket: 'd2-report' } },
      { deviceMessages: { ticket: 'd2-ack' } },
    ]);
    expect([(await acks.next()).data, (await acks.next()).data]).toEqual([
      { deviceMessages: { ticket: 'd1-ack', type: 'COMMAND_ACK' } },
      { deviceMessages: { ticket: 'd2-ack', type: 'COMMAND_ACK' } },
    ]);
    await byDevice.leave();
    await acks.leave();
  });

  it('should stop consuming when the last subscriber leaves', async () => {
    const subscription = subscribe(client, 'subscription { deviceMessages { ticket } }');
    await metrics.subscribers(1);
    expect(source.state).toBe('consuming');
    await subscription.leave();
    await metrics.subscribers(0);
    expect(source.state).toBe('paused');
    expect(service.app.push!.subscriberCount).toBe(0);
  });

  it.each([
    ['a device key without its product', '(deviceKey: "d1")', /deviceKey needs productKey/],
    ['a malformed product key', '(productKey: "not a key!")', /productKey must be 1-32/],
    ['an empty type list', '(types: [])', /types must name at least one type/],
  ])('should refuse %s at once with BAD_USER_INPUT', async (_name, args, message) => {
    const { errors } = await subscribe(client, `subscription { deviceMessages${args} { ticket } }`).failure();
    expect(errors).toHaveLength(1);
    expect(errors![0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(errors![0].message).toMatch(message);
    expect(service.app.push!.subscriberCount).toBe(0);
  });

  it("should answer an invalid document with GraphQL's own coded errors, not a masked one", async () => {
    await expect(subscribe(client, 'subscription { deviceMessages { nope } }').next()).rejects.toEqual([
      expect.objectContaining({ message: expect.stringMatching(/Cannot query field "nope"/), extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }),
    ]);
    await expect(subscribe(client, 'subscription {').next()).rejects.toEqual([
      expect.objectContaining({ extensions: { code: 'GRAPHQL_PARSE_FAILED' } }),
    ]);
  });
});

describe('Subscription.deviceMessages over HTTP', () => {
  let service: HttpService;

  beforeAll(async () => {
    service = await startHttpService({ overrides: { pushSource: new FakePushSource() } });
  });

  afterAll(() => service?.close());

  it('should say to use WebSocket rather than fail with an internal error', async () => {
    const response = await fetch(`${service.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: 'subscription { deviceMessages { ticket } }' }),
    });
    const body = (await response.json()) as { errors: Array<{ message: string; extensions: { code: string } }> };
    expect(body.errors).toEqual([expect.objectContaining({ message: expect.stringMatching(/WebSocket/), extensions: { code: 'BAD_USER_INPUT' } })]);
  });
});

describe('Subscription.deviceMessages without a push channel', () => {
  let service: HttpService;
  let client: Client;

  beforeAll(async () => {
    service = await startHttpService();
    client = wsClient(service.url);
  });

  afterAll(async () => {
    await client?.dispose();
    await service?.close();
  });

  it('should fail at once with PUSH_NOT_CONFIGURED instead of hanging', async () => {
    const { errors, data } = await subscribe(client, 'subscription { deviceMessages { ticket } }').failure();
    expect(data).toBeUndefined();
    expect(errors).toEqual([
      expect.objectContaining({ message: expect.stringMatching(/QUEC_AMQP_URL/), extensions: { code: 'PUSH_NOT_CONFIGURED' } }),
    ]);
  });
});

describe('graceful shutdown with open subscriptions', () => {
  it('should close the sockets (1001) and disconnect the message source', async () => {
    const source = new FakePushSource();
    const metrics = new WatchedMetrics();
    const service = await startHttpService({ overrides: { pushSource: source, metrics } });
    const closes: number[] = [];
    const client = wsClient(service.url, closes);
    const subscription = subscribe(client, 'subscription { deviceMessages { ticket } }');
    await metrics.subscribers(1);
    const closed = expect(subscription.next()).rejects.toMatchObject({ code: 1001 });
    await service.close();
    await closed;
    expect(closes).toEqual([1001]);
    expect(source.state).toBe('off');
    await client.dispose();
  });
});
