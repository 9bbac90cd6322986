import type { EventEmitter } from 'node:events';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Client } from 'graphql-ws';
import { startSimulator, type Device, type SimulatorHandle } from '../../simulator';
import { parkedKeyOf } from '../../src/push/parking-lot';
import { InProcessPushSource } from '../../src/push/in-process-source';
import { createLogger } from '../../src/logger';
import { FakeTimers } from '../helpers/fake-timers';
import { startHttpService, type HttpService } from '../helpers/http-service';
import { WatchedMetrics } from '../helpers/watched-metrics';
import { leaveAll, subscribe, wsClient } from '../helpers/ws-client';

/**
 * The default wiring of `npm start` without a broker (src/index.ts): the embedded simulator's push feed in process,
 * live state on. Timers are fake, so `commandResult` timeouts are driven by the test.
 */
describe('live device subscriptions fed in process by the embedded simulator', () => {
  let sim: SimulatorHandle;
  let service: HttpService;
  let metrics: WatchedMetrics;
  let timers: FakeTimers;
  let client: Client;
  let meter: Device;
  let numeric: string;
  const logLines: string[] = [];

  beforeAll(async () => {
    sim = await startSimulator();
    metrics = new WatchedMetrics();
    timers = new FakeTimers();
    const feed = sim.push.feed;
    const logger = createLogger('info', { write: (line: string) => void logLines.push(line) });
    service = await startHttpService({ sim, logger, overrides: { metrics, timers, pushSource: (deps) => new InProcessPushSource(feed, deps) } });
    client = wsClient(service.url);
    const product = sim.store.products().find((p) => p.productKey === 'p1awgC')!;
    meter = sim.store.devices(product.productKey).find((d) => d.deviceStatus === 1)!;
    numeric = product.tsl!.properties!.find((p) => ['INT', 'FLOAT', 'DOUBLE'].includes(p.dataType) && p.subType !== 'W')!.code;
  });

  afterAll(async () => {
    await client?.dispose();
    await service?.close();
  });

  afterEach(async () => {
    await leaveAll();
    await metrics.subscribers(0);
  });

  it('should run the README subscription example verbatim', async () => {
    const readme = readFileSync(resolve(__dirname, '../../README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('## A first subscription'));
    const query = /```graphql\n([\s\S]*?)```/.exec(section)![1];
    const variables = JSON.parse(/with the variables `(\{[^`]*\})`/.exec(section)![1]);
    const live = subscribe(client, query, variables);
    await metrics.subscribers(1);
    expect(await sim.push.reportOnce()).toBeGreaterThan(0);
    const { data, errors } = await live.next();
    expect(errors).toBeUndefined();
    const change = data.devicePropertiesChanged;
    expect(sim.store.device(variables.productKey, change.deviceKey)!.deviceStatus).toBe(1);
    expect(change.properties.length).toBeGreaterThan(0);
    for (const property of change.properties) {
      expect(property.source).toBe('LIVE');
      expect(property.value.json).toEqual(expect.anything());
    }
  });

  it('should send typed values for the devices and codes asked, once per report that moved them forward', async () => {
    const live = subscribe(
      client,
      'subscription($pk: String!, $dks: [String!], $codes: [String!]) { devicePropertiesChanged(productKey: $pk, deviceKeys: $dks, codes: $codes) { deviceKey ticket properties { code source value { ... on NumberValue { number } } } } }',
      { pk: meter.productKey, dks: [meter.deviceKey], codes: [numeric] },
    );
    await metrics.subscribers(1);
    const at = Date.now();
    const report = (ticket: string, createdAt: number, value: number) =>
      sim.push.emit({
        type: 'MATTR',
        subtype: 'REPORT',
        productKey: meter.productKey,
        deviceKey: meter.deviceKey,
        ticket,
        createdAt,
        data: { kv: { [numeric]: value } },
      });
    await report('first', at, 11);
    await report('first', at, 11); // redelivered
    await report('older', at - 1000, 10); // late
    await report('second', at + 1, 12);
    expect((await live.next()).data.devicePropertiesChanged).toEqual({
      deviceKey: meter.deviceKey,
      ticket: 'first',
      properties: [{ code: numeric, source: 'LIVE', value: { number: 11 } }],
    });
    expect((await live.next()).data.devicePropertiesChanged.ticket).toBe('second');
  });

  it('should report a device going offline', async () => {
    const live = subscribe(client, 'subscription($pk: String!) { deviceStatusChanged(productKey: $pk) { deviceKey online change } }', {
      pk: meter.productKey,
    });
    await metrics.subscribers(1);
    await sim.push.emit({ type: 'ONLINE', productKey: meter.productKey, deviceKey: meter.deviceKey, data: { value: 0 } });
    expect((await live.next()).data.deviceStatusChanged).toEqual({ deviceKey: meter.deviceKey, online: false, change: 'OFFLINE' });
  });

  it('should send thing-model events as the DeviceEvent the event log gives, outputs decoded', async () => {
    const tsl = sim.store.tsl(meter.productKey)!;
    const event = (tsl.events ?? []).find((e) => (e.outputData ?? []).length > 0) ?? (tsl.events ?? [])[0];
    const live = subscribe(
      client,
      'subscription($pk: String!) { deviceEvents(productKey: $pk, types: [WARNING]) { deviceKey event { type code name outputs { code } } } }',
      { pk: meter.productKey },
    );
    await metrics.subscribers(1);
    await sim.push.emit({
      type: 'MEVENT',
      subtype: 'INFO',
      productKey: meter.productKey,
      deviceKey: meter.deviceKey,
      data: { code: event.code, kv: {} },
    });
    await sim.push.emit({
      type: 'MEVENT',
      subtype: 'WARN',
      productKey: meter.productKey,
      deviceKey: meter.deviceKey,
      data: { code: event.code, kv: {} },
    });
    const { data } = await live.next();
    expect(data.deviceEvents).toEqual({ deviceKey: meter.deviceKey, event: { type: 'WARNING', code: event.code, name: event.name, outputs: [] } });
  });

  it("should answer commandResult with the device's acknowledgement, even when it came before the subscription", async () => {
    const sent = await fetch(`${service.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: 'mutation($input: WritePropertiesInput!) { writeDeviceProperties(input: $input) { results { ticket status } } }',
        variables: {
          input: { devices: [{ productKey: meter.productKey, deviceKey: meter.deviceKey }], properties: [{ code: 'switch', value: true }] },
        },
      }),
    });
    const { data } = (await sent.json()) as { data: { writeDeviceProperties: { results: Array<{ ticket: string; status: string }> } } };
    const [{ ticket, status }] = data.writeDeviceProperties.results;
    expect(status).toBe('ACCEPTED');
    const result = subscribe(client, 'subscription($t: String!) { commandResult(ticket: $t) { ticket status platformStatus deviceKey } }', {
      t: ticket,
    });
    expect((await result.next()).data.commandResult).toEqual({ ticket, status: 'SUCCEEDED', platformStatus: 'succ', deviceKey: meter.deviceKey });
    await expect(result.next()).rejects.toThrow(/completed/);
  });

  it('should answer TIMED_OUT when no acknowledgement comes in time, and complete', async () => {
    const result = subscribe(client, 'subscription { commandResult(ticket: "never-acked", timeoutSeconds: 5) { ticket status } }');
    await metrics.subscribers(1);
    // Let the store lookup finish and the timer be set before time moves.
    await new Promise((r) => setImmediate(r));
    timers.advance(4_999);
    timers.advance(1);
    expect((await result.next()).data.commandResult).toEqual({ ticket: 'never-acked', status: 'TIMED_OUT' });
    await expect(result.next()).rejects.toThrow(/completed/);
  });

  it('should decode deviceMessages payloads with the thing model and name their subscription kind', async () => {
    const live = subscribe(
      client,
      'subscription($pk: String!) { deviceMessages(productKey: $pk, messageTypes: [PROPERTY]) { type messageType values { code value { ... on NumberValue { number } } } } }',
      { pk: meter.productKey },
    );
    await metrics.subscribers(1);
    await sim.push.emit({ type: 'ONLINE', productKey: meter.productKey, deviceKey: meter.deviceKey, data: { value: 1 } });
    await sim.push.deviceReport(meter.productKey, meter.deviceKey, { [numeric]: 42 });
    expect((await live.next()).data.deviceMessages).toEqual({
      type: 'PROPERTY_REPORT',
      messageType: 'PROPERTY',
      values: [{ code: numeric, value: { number: 42 } }],
    });
  });

  it('should count, log and park a malformed message without stopping the stream', async () => {
    const live = subscribe(client, 'subscription($pk: String!) { deviceMessages(productKey: $pk) { ticket } }', { pk: meter.productKey });
    await metrics.subscribers(1);
    // A body no platform message parses as, straight onto the feed.
    (sim.push.feed as unknown as EventEmitter).emit('message', '{"type":');
    await sim.push.emit({ type: 'ONLINE', productKey: meter.productKey, deviceKey: meter.deviceKey, ticket: 'after-bad', data: { value: 1 } });
    expect((await live.next()).data.deviceMessages.ticket).toBe('after-bad');
    expect(await service.app.cache.get(parkedKeyOf('{"type":'))).toMatchObject({ reason: 'body is not JSON', bytes: 8 });
    const text = (await service.app.metrics.render()).body;
    expect(text).toMatch(/quec_graph_push_dropped_total\{[^}]*reason="malformed"[^}]*\} 1/);
    expect(text).toMatch(/quec_graph_push_received_total\{[^}]*\} [1-9]/);
    expect(text).toMatch(/quec_graph_push_stored_total\{[^}]*changed="true"[^}]*\} [1-9]/);
    expect(text).toMatch(/quec_graph_push_fanned_out_total\{[^}]*\} [1-9]/);
  });

  it('should count and log WebSocket operations like HTTP ones, without the query or variables', async () => {
    const text = (await service.app.metrics.render()).body;
    expect(text).toMatch(/quec_graph_operation_duration_seconds_count\{[^}]*type="subscription"[^}]*transport="ws"[^}]*\} [1-9]/);
    const lines = logLines.map((line) => JSON.parse(line)).filter((line) => line.msg === 'graphql request' && line.transport === 'ws');
    expect(lines).toContainEqual(expect.objectContaining({ operationName: 'Live', operationType: 'subscription', requestId: expect.any(String) }));
    expect(lines.filter((line) => 'errorCodes' in line)).toEqual([]);
    expect(logLines.join('\n')).not.toContain('never-acked');
  });
});
