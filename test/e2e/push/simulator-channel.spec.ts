import * as amqp from 'amqplib';
import { startSimulator, type Device, type SimulatorHandle } from '../../../simulator';
import { FakeClock } from '../../helpers/fake-clock';
import type { RabbitMqServer } from '../../helpers/rabbitmq-server';
import { deviceWhere, isOnline } from '../../simulator/support/seed-lookup';
import { PATHS, call, login, rawUsername, sha256Hex, type CallResult } from '../../simulator/support/sim-client';
import { describeWithBroker, pushBroker } from './push-broker';

// The push channel (§9) as the platform's customer sees it: amqplib, signed credentials, a real RabbitMQ whose HTTP
// auth backend asks the simulator. "Nothing arrived" is proven by a later matching message arriving first, never by
// waiting: the simulator publishes with confirms before it answers, and a queue keeps its order.
// A test of the simulator, not of our service: it sits in this bundle to share its broker (a node's boot costs about
// 5 s of CPU). Its queues are its own (created here by name), so what other specs left on the broker cannot reach it.

const RULE = '/v2/quecrule/r1/openapi';
const TEN_MINUTES = 10 * 60_000;
/** A safety bound for a message that should arrive; a correct run never gets near it. */
const ARRIVAL_BOUND_MS = 10_000;

interface Arrival {
  body: any;
  properties: amqp.MessageProperties;
}

interface Inbox {
  next(): Promise<Arrival>;
}

describeWithBroker('push channel on a real RabbitMQ (§9)', () => {
  const clock = new FakeClock(Date.now());
  let sim: SimulatorHandle;
  let rabbit: RabbitMqServer;
  let token = '';
  let meter: Device;
  const connections: amqp.ChannelModel[] = [];

  beforeAll(async () => {
    let simulatorPort: number;
    ({ rabbit, simulatorPort } = await pushBroker());
    sim = await startSimulator({ clock, port: simulatorPort });
    await sim.push.attach(rabbit.url);
    token = await login(sim, clock.now());
    meter = deviceWhere(sim, 'meter', isOnline);
  }, 90_000);

  afterAll(async () => {
    await Promise.all(connections.map((c) => c.close().catch(() => undefined)));
    await sim?.close();
  });

  const api = (
    method: string,
    path: string,
    { query = {}, body }: { query?: Record<string, string | number>; body?: unknown } = {},
  ): Promise<CallResult> =>
    call(sim, path, query, {
      method,
      token,
      ...(body === undefined ? {} : { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } }),
    });

  /** Connects exactly as a customer would: signed username, sha256 password, vhost quec-open (§9.1). */
  async function connectSigned({ timestamp = clock.now(), password }: { timestamp?: number; password?: string } = {}): Promise<amqp.ChannelModel> {
    const { accessKey, accessSecret } = sim.credentials;
    const username = rawUsername(accessKey, timestamp);
    const connection = await amqp.connect({
      protocol: 'amqp',
      hostname: '127.0.0.1',
      port: rabbit.port,
      username,
      password: password ?? sha256Hex(username + accessSecret),
      vhost: 'quec-open',
      heartbeat: 30,
    });
    connection.on('error', () => undefined);
    connections.push(connection);
    return connection;
  }

  async function channel(): Promise<amqp.Channel> {
    const ch = await (await connectSigned()).createChannel();
    ch.on('error', () => undefined);
    return ch;
  }

  /** Consumes `queue` with manual acks, as the platform's samples do (§9.1). */
  async function openInbox(queue: string): Promise<Inbox> {
    const ch = await channel();
    const arrived: Arrival[] = [];
    const waiting: Array<(arrival: Arrival) => void> = [];
    await ch.consume(
      queue,
      (msg) => {
        if (!msg) return;
        ch.ack(msg);
        const arrival = { body: JSON.parse(msg.content.toString('utf8')), properties: msg.properties };
        const waiter = waiting.shift();
        if (waiter) waiter(arrival);
        else arrived.push(arrival);
      },
      { noAck: false },
    );
    return {
      next: () => {
        const ready = arrived.shift();
        if (ready) return Promise.resolve(ready);
        return new Promise((resolve, reject) => {
          const timer = setTimeout(() => reject(new Error(`nothing arrived on ${queue}`)), ARRIVAL_BOUND_MS);
          waiting.push((arrival) => {
            clearTimeout(timer);
            resolve(arrival);
          });
        });
      },
    };
  }

  async function createQueue(name: string): Promise<{ id: number; queueName: string }> {
    const { body } = await api('POST', `${RULE}/queue/create`, { body: { queueName: name } });
    expect(body.code).toBe(200);
    return { id: body.data.id, queueName: body.data.queueName };
  }

  let subscriptionCount = 0;
  async function subscribe(path: 'create' | 'saas' | 'enduser', body: Record<string, unknown>, start = true): Promise<number> {
    subscriptionCount += 1;
    const created = await api('POST', `${RULE}/subscribe/${path}`, { body: { subscribeName: `push_${subscriptionCount}`, ...body } });
    expect(created.body.code).toBe(200);
    const id = created.body.data.subscribeId as number;
    if (start) expect((await api('POST', `${RULE}/subscribe/start`, { query: { subscribeId: id } })).body.code).toBe(200);
    return id;
  }

  /** A queue with one started product-level subscription of the meter's product. */
  async function productQueue(name: string, msgTypes: number[]): Promise<{ id: number; queueName: string; inbox: Inbox }> {
    const queue = await createQueue(name);
    await subscribe('create', { queueName: queue.queueName, productKey: meter.productKey, dataLevel: 1, msgTypes });
    return { ...queue, inbox: await openInbox(queue.queueName) };
  }

  describe('sign-in', () => {
    it('should let signed credentials consume the account queue', async () => {
      const ch = await channel();
      const seeded = sim.store.admin.queues()[0].queueName;
      await expect(ch.checkQueue(seeded)).resolves.toMatchObject({ queue: seeded });
    });

    it('should refuse a wrong password', async () => {
      await expect(connectSigned({ password: sha256Hex('not the secret') })).rejects.toThrow(/ACCESS_REFUSED/);
    });

    it('should refuse a timestamp more than 10 minutes behind the platform clock', async () => {
      const signedAt = clock.now();
      clock.advance(TEN_MINUTES + 1_000);
      await expect(connectSigned({ timestamp: signedAt })).rejects.toThrow(/ACCESS_REFUSED/);
      await expect(connectSigned({ timestamp: clock.now() })).resolves.toBeDefined();
    });

    it("should refuse another account's queue while answering its own unknown queue as missing", async () => {
      const ch = await channel();
      const other = `a.${sim.store.admin.accountId + 1}.default`;
      await expect(ch.consume(other, () => undefined)).rejects.toThrow(/403 \(ACCESS-REFUSED\)/);
      const ch2 = await channel();
      await expect(ch2.consume(`a.${sim.store.admin.accountId}.nope`, () => undefined)).rejects.toThrow(/404 \(NOT-FOUND\)/);
    });

    it("should keep the broker's questions out of the request log", async () => {
      sim.log.clear();
      await connectSigned();
      expect(sim.log.count()).toBe(0);
    });
  });

  describe('emit and deviceReport', () => {
    it('should deliver a device report to a product-level subscription with a fresh ticket', async () => {
      const { inbox } = await productQueue('reports', [6]);
      await expect(sim.push.deviceReport(meter.productKey, meter.deviceKey, { voltage: 231.5 })).resolves.toBe(1);
      const { body, properties } = await inbox.next();
      expect(body).toEqual({
        type: 'MATTR',
        subtype: 'REPORT',
        productKey: meter.productKey,
        deviceKey: meter.deviceKey,
        createdAt: clock.now(),
        ticket: expect.stringMatching(/^\d{19}$/),
        data: { packetId: expect.any(Number), kv: { voltage: 231.5 } },
      });
      expect(properties).toMatchObject({ contentType: 'application/json', deliveryMode: 2, messageId: body.ticket });
    });
  });

  describe('§9.4 emissions from API actions', () => {
    const tslDownlink = (path: string, data: string, device: Device = meter) =>
      api('POST', path, { body: { productKey: device.productKey, devices: [device.deviceKey], data } });

    it('should push MATTR/WRITE then REQACK with the API ticket to started matching subscriptions only', async () => {
      const started = await productQueue('write-started', [5, 6]);
      const stoppedQueue = await createQueue('write-stopped');
      const stoppedId = await subscribe(
        'create',
        { queueName: stoppedQueue.queueName, productKey: meter.productKey, dataLevel: 1, msgTypes: [5, 6] },
        false,
      );
      const stopped = await openInbox(stoppedQueue.queueName);
      const onlineOnly = await productQueue('write-online-only', [1]);

      const { body } = await tslDownlink(PATHS.writeData, '[{"switch":"true"}]');
      expect(body.data[0]).toMatchObject({ code: 200, ticket: expect.stringMatching(/^\d{19}$/) });
      const ticket = body.data[0].ticket;
      const origin = { productKey: meter.productKey, deviceKey: meter.deviceKey, createdAt: clock.now(), ticket };
      expect((await started.inbox.next()).body).toEqual({ type: 'MATTR', subtype: 'WRITE', ...origin, data: { kv: { switch: true } } });
      expect((await started.inbox.next()).body).toEqual({ type: 'REQACK', ...origin, data: { sentAt: clock.now(), status: 'succ' } });

      // Had the stopped or the ONLINE-only subscription received the write, it would arrive before these.
      expect((await api('POST', `${RULE}/subscribe/start`, { query: { subscribeId: stoppedId } })).body.code).toBe(200);
      await sim.push.deviceReport(meter.productKey, meter.deviceKey, { marker: 1 });
      expect((await stopped.next()).body).toMatchObject({ type: 'MATTR', subtype: 'REPORT', data: { kv: { marker: 1 } } });
      await expect(sim.push.emit({ type: 'ONLINE', productKey: meter.productKey, deviceKey: meter.deviceKey, data: { value: 1 } })).resolves.toBe(1);
      expect((await onlineOnly.inbox.next()).body).toMatchObject({ type: 'ONLINE', data: { value: 1 } });
    });

    it('should push MATTR/READ, REQACK and the device READRESP with current values for readData', async () => {
      const { inbox } = await productQueue('read', [5, 6]);
      const { body } = await tslDownlink(PATHS.readData, '["switch"]');
      const ticket = body.data[0].ticket;
      expect((await inbox.next()).body).toMatchObject({ type: 'MATTR', subtype: 'READ', ticket, data: { keys: ['switch'] } });
      expect((await inbox.next()).body).toMatchObject({ type: 'REQACK', ticket });
      const resp = (await inbox.next()).body;
      // The value the device holds now: the write test before this one set it to true, the seed may hold either.
      const current = sim.store.device(meter.productKey, meter.deviceKey)!.latestProperties.get('switch')?.value;
      expect(current).toEqual(expect.any(Boolean));
      expect(resp).toMatchObject({ type: 'MATTR', subtype: 'READRESP', data: { packetId: expect.any(Number), kv: { switch: current } } });
      expect(resp.ticket).not.toBe(ticket);
    });

    it('should push MSERV/INPUT and RAW/DOWNLINK, each followed by its REQACK', async () => {
      const { inbox } = await productQueue('service-raw', [4, 5, 10]);
      const service = await tslDownlink(PATHS.sendServiceData, '[{"relay_control":[{"switch":"false"}]}]');
      const serviceTicket = service.body.data[0].ticket;
      expect((await inbox.next()).body).toMatchObject({
        type: 'MSERV',
        subtype: 'INPUT',
        ticket: serviceTicket,
        data: { code: 'relay_control', kv: { switch: false } },
      });
      expect((await inbox.next()).body).toMatchObject({ type: 'REQACK', ticket: serviceTicket });
      const raw = await api('POST', PATHS.sendRaw, {
        body: { devices: [{ productKey: meter.productKey, deviceKey: meter.deviceKey }], encode: 'Text', data: 'hi' },
      });
      const rawTicket = raw.body.data[0].ticket;
      expect((await inbox.next()).body).toMatchObject({
        type: 'RAW',
        subtype: 'DOWNLINK',
        ticket: rawTicket,
        data: { raw: Buffer.from('hi').toString('base64') },
      });
      expect((await inbox.next()).body).toMatchObject({ type: 'REQACK', ticket: rawTicket });
    });

    it('should push META_EVENT/DEVICE to product (15) and SaaS (102) subscriptions on create, update and delete', async () => {
      const product = await productQueue('device-events', [15]);
      const saasQueue = await createQueue('saas-events');
      await subscribe('saas', { queueName: saasQueue.queueName, msgTypes: [102] });
      const saas = await openInbox(saasQueue.queueName);
      const deviceKey = 'PUSH-0001';
      const origin = { type: 'META_EVENT', subtype: 'DEVICE', productKey: meter.productKey, deviceKey };

      expect(
        (await api('POST', PATHS.deviceCreate, { body: { productKey: meter.productKey, deviceKey, deviceName: 'Pump', sn: 'SN9' } })).body.code,
      ).toBe(200);
      expect((await api('POST', PATHS.deviceUpdate, { body: { productKey: meter.productKey, deviceKey, deviceName: 'Pump 2' } })).body.code).toBe(
        200,
      );
      expect((await api('POST', PATHS.deviceDelete, { body: { productKey: meter.productKey, deviceKey } })).body.code).toBe(200);
      for (const inbox of [product.inbox, saas]) {
        expect((await inbox.next()).body).toMatchObject({ ...origin, operation: 'ADD', data: { deviceName: 'Pump', sn: 'SN9' } });
        expect((await inbox.next()).body).toEqual({
          ...origin,
          operation: 'UPDATE',
          createdAt: clock.now(),
          ticket: expect.any(String),
          data: { deviceName: { old: 'Pump', new: 'Pump 2' } },
        });
        expect((await inbox.next()).body).toMatchObject({ ...origin, operation: 'DELETE', data: { deviceName: 'Pump 2', sn: 'SN9' } });
      }
    });

    it('should push ENDUSER/USER-BIND on bind and unbind', async () => {
      const { inbox } = await productQueue('bindings', [14]);
      const admin = sim.store.admin;
      const user = admin.users().find((u) => u.status === 1)!;
      const device = sim.store
        .devices(meter.productKey)
        .find((d) => !admin.bindings().some((b) => b.productKey === d.productKey && b.deviceKey === d.deviceKey))!;
      const query = { uid: user.uid, pk: device.productKey, dk: device.deviceKey };
      expect((await api('POST', '/v2/binding/enterpriseapi/bindDeviceByPkDk', { query })).body.code).toBe(200);
      expect((await api('DELETE', '/v2/binding/enterpriseapi/unbundlingUserDevice', { query })).body.code).toBe(200);
      const bound = {
        type: 'ENDUSER',
        subtype: 'USER-BIND',
        productKey: device.productKey,
        deviceKey: device.deviceKey,
        deviceName: device.deviceName,
      };
      const who = { endUserId: user.uid, endUserDomain: user.userDomain, authStatus: 1, authLevel: 1 };
      expect((await inbox.next()).body).toMatchObject({ ...bound, data: { ...who, value: 1 } });
      expect((await inbox.next()).body).toMatchObject({ ...bound, data: { ...who, value: 0, invalidCause: 1 } });
    });

    it('should push ENDUSER/USER-UPDATE (201) to the user domain subscription on setUserStatus', async () => {
      const user = sim.store.admin.users().find((u) => u.status === 1)!;
      const queue = await createQueue('users');
      await subscribe('enduser', { queueName: queue.queueName, endUserDomain: user.userDomain, msgTypes: [201] });
      const inbox = await openInbox(queue.queueName);
      expect((await api('GET', '/v2/enduser/enterpriseapi/setUserStatus', { query: { uid: user.uid, status: 0 } })).body.code).toBe(200);
      expect((await inbox.next()).body).toEqual({
        type: 'ENDUSER',
        subtype: 'USER-UPDATE',
        createdAt: clock.now(),
        ticket: expect.any(String),
        data: { endUserId: user.uid, endUserDomain: user.userDomain, phone: user.phone, email: user.email },
      });
    });
  });

  describe('queue lifecycle', () => {
    it('should purge the broker queue on queue/clear', async () => {
      const queue = await createQueue('to-clear');
      await subscribe('create', { queueName: queue.queueName, productKey: meter.productKey, dataLevel: 1, msgTypes: [6] });
      await sim.push.deviceReport(meter.productKey, meter.deviceKey, { a: 1 });
      await sim.push.deviceReport(meter.productKey, meter.deviceKey, { a: 2 });
      const ch = await channel();
      expect((await ch.checkQueue(queue.queueName)).messageCount).toBe(2);
      expect((await api('POST', `${RULE}/queue/clear`, { query: { queueId: queue.id } })).body.code).toBe(200);
      expect((await ch.checkQueue(queue.queueName)).messageCount).toBe(0);
    });

    it('should delete the broker queue on queue/delete', async () => {
      const queue = await createQueue('to-delete');
      await expect((await channel()).checkQueue(queue.queueName)).resolves.toMatchObject({ messageCount: 0 });
      expect((await api('DELETE', `${RULE}/queue/delete`, { query: { queueId: queue.id } })).body.code).toBe(200);
      await expect((await channel()).checkQueue(queue.queueName)).rejects.toThrow(/404 \(NOT-FOUND\)/);
    });
  });
});
