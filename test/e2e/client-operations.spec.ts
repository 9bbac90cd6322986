import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Kind, parse, print } from 'graphql';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import {
  BindDeviceToEndUserDocument,
  EndUserDevicesDocument,
  UnbindDeviceFromEndUserDocument,
  UnbindDevicesFromAllUsersDocument,
  UserDomainUsersDocument,
  CreateDeviceMessageSubscriptionDocument,
  CreateMessageQueueDocument,
  DeleteMessageQueueDocument,
  DeleteMessageSubscriptionDocument,
  DevicePropertiesDocument,
  MessageQueuesDocument,
  MessageSubscriptionsDocument,
  RequestDevicePropertiesDocument,
  StartMessageSubscriptionDocument,
  StopMessageSubscriptionDocument,
  WriteDevicePropertiesDocument,
  DeviceDetailDocument,
  GatewaySubDevicesDocument,
  ListDevicesDocument,
  PreviousDevicesDocument,
  ProductDashboardDocument,
  ListProductsDocument,
  ProductDevicesDocument,
  ProductThingModelDocument,
  SubDeviceGatewayDocument,
  DeviceMessagesDocument,
  type DeviceMessagesSubscription,
} from '../../src/generated/graphql';
import { FakePushSource, pushBody } from '../fakes/fake-push-source';
import { startHttpService, type HttpService } from '../helpers/http-service';
import { subscribe, wsClient } from '../helpers/ws-client';

const OPERATIONS_DIR = resolve(__dirname, '../../operations');

/** Every operation name declared in operations/*.graphql. */
function declaredOperations(): string[] {
  return readdirSync(OPERATIONS_DIR)
    .filter((file) => file.endsWith('.graphql'))
    .flatMap((file) => parse(readFileSync(resolve(OPERATIONS_DIR, file), 'utf8')).definitions)
    .flatMap((definition) => (definition.kind === Kind.OPERATION_DEFINITION && definition.name ? [definition.name.value] : []));
}

describe('the generated typed documents (src/generated/) against the running server', () => {
  let service: HttpService;
  const executed = new Set<string>();

  /** A minimal typed client: what a frontend's Apollo Client or urql does with a TypedDocumentNode. */
  async function request<TResult, TVariables>(document: TypedDocumentNode<TResult, TVariables>, variables: TVariables): Promise<TResult> {
    const operation = document.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION);
    const response = await fetch(`${service.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
      body: JSON.stringify({ query: print(document), variables }),
    });
    const body = (await response.json()) as { data?: TResult; errors?: Array<{ message: string }> };
    if (body.errors) throw new Error(body.errors.map((e) => e.message).join('; '));
    if (operation?.kind === Kind.OPERATION_DEFINITION && operation.name) executed.add(operation.name.value);
    return body.data as TResult;
  }

  const push = new FakePushSource();

  beforeAll(async () => {
    // Without the live state store the hub consumes only while someone subscribes, so a message emitted right after
    // subscribing waits for the subscription instead of racing it.
    service = await startHttpService({ env: { QUEC_PUSH_LIVE_STATE: 'false' }, overrides: { pushSource: push } });
  });
  afterAll(() => service.close());

  it('should walk the catalogue page by page and one product devices', async () => {
    const first = await request(ListProductsDocument, { first: 2 });
    expect(first.products.edges).toHaveLength(2);
    expect(first.products.pageInfo.hasNextPage).toBe(true);
    const second = await request(ListProductsDocument, { first: 2, after: first.products.pageInfo.endCursor });
    expect(second.products.edges[0].node.productKey).not.toBe(first.products.edges[0].node.productKey);

    const productKey = first.products.edges[0].node.productKey;
    const { product } = await request(ProductDevicesDocument, { productKey, first: 5, status: 'ONLINE' });
    expect(product?.productKey).toBe(productKey);
    expect(product?.devices.edges.every((e) => e.node.status === 'ONLINE')).toBe(true);

    const { devices } = await request(ListDevicesDocument, { productKey, first: 3 });
    expect(devices.totalCount).toBeGreaterThan(0);
    const { device } = await request(DeviceDetailDocument, { productKey, deviceKey: devices.edges[0].node.deviceKey });
    expect(device).toMatchObject({ productKey, deviceKey: devices.edges[0].node.deviceKey, product: { productKey } });
  });

  it('should follow a gateway to its sub-devices and a sub-device back to its gateway', async () => {
    const { products } = await request(ListProductsDocument, { first: 100 });
    const gatewayProducts = products.edges.filter((e) => e.node.accessType === 'GATEWAY').map((e) => e.node.productKey);
    expect(gatewayProducts.length).toBeGreaterThan(0);
    // Proxy-only sub-device products do not report their gateway (see Device.gateway), so look for one that does.
    let checked = 0;
    for (const productKey of gatewayProducts) {
      const { devices } = await request(ListDevicesDocument, { productKey, first: 3 });
      for (const { node: gateway } of devices.edges) {
        const { device } = await request(GatewaySubDevicesDocument, { productKey, deviceKey: gateway.deviceKey, first: 50 });
        expect(device?.subDevices.totalCount).toBeGreaterThan(0);
        for (const { node } of device!.subDevices.edges.filter((e) => e.current)) {
          const back = await request(SubDeviceGatewayDocument, { productKey: node.productKey, deviceKey: node.deviceKey });
          if (!back.device?.gateway) continue;
          expect(back.device.gateway).toMatchObject({ productKey, deviceKey: gateway.deviceKey });
          checked += 1;
        }
      }
      if (checked > 0) break;
    }
    expect(checked).toBeGreaterThan(0);
  });

  it('should read a product thing model with typed specs', async () => {
    const { products } = await request(ListProductsDocument, { first: 100 });
    const tsl = products.edges.find((e) => e.node.dataFormat === 'THING_MODEL')!.node;
    const { product } = await request(ProductThingModelDocument, { productKey: tsl.productKey });
    expect(product?.thingModel?.properties.length).toBeGreaterThan(0);
    const specs = product!.thingModel!.properties.map((p) => p.specs?.__typename).filter(Boolean);
    expect(specs.length).toBeGreaterThan(0);
  });

  it('should read a device property values, write a writable one and ask for a report', async () => {
    const { products } = await request(ListProductsDocument, { first: 100 });
    let target: { productKey: string; deviceKey: string; code: string; value: unknown } | undefined;
    for (const { node } of products.edges.filter((e) => e.node.dataFormat === 'THING_MODEL')) {
      const { product } = await request(ProductThingModelDocument, { productKey: node.productKey });
      const writable = product?.thingModel?.properties.find((p) => p.access !== 'R' && (p.dataType === 'BOOL' || p.dataType === 'INT'));
      if (!writable) continue;
      const { devices } = await request(ListDevicesDocument, { productKey: node.productKey, first: 1, status: 'ONLINE' });
      if (devices.edges.length === 0) continue;
      const min = writable.specs?.__typename === 'NumberSpecs' ? (writable.specs.min ?? 0) : 0;
      target = {
        productKey: node.productKey,
        deviceKey: devices.edges[0].node.deviceKey,
        code: writable.code,
        value: writable.dataType === 'BOOL' ? true : min,
      };
      break;
    }
    expect(target).toBeDefined();
    const { productKey, deviceKey, code, value } = target!;

    const read = await request(DevicePropertiesDocument, { productKey, deviceKey });
    expect(read.device?.properties?.length).toBeGreaterThan(0);

    const written = await request(WriteDevicePropertiesDocument, { input: { devices: [{ productKey, deviceKey }], properties: [{ code, value }] } });
    expect(written.writeDeviceProperties.results).toHaveLength(1);
    expect(
      written.writeDeviceProperties.acceptedCount + written.writeDeviceProperties.rejectedCount + written.writeDeviceProperties.unknownCount,
    ).toBe(1);

    const asked = await request(RequestDevicePropertiesDocument, {
      input: { devices: [{ productKey, deviceKey }], codes: [read.device!.properties![0].code] },
    });
    expect(asked.requestDeviceProperties.results[0]).toMatchObject({ productKey, deviceKey });
  });

  it('should create a queue, subscribe a product to it, start and stop the subscription, then remove both', async () => {
    const { products } = await request(ListProductsDocument, { first: 1 });
    const productKey = products.edges[0].node.productKey;
    const queue = (await request(CreateMessageQueueDocument, { input: { name: `codegen_${Date.now()}`, description: 'client-operations test' } }))
      .createMessageQueue;
    const listed = await request(MessageQueuesDocument, { first: 100 });
    expect(listed.messageQueues.edges.map((e) => e.node.id)).toContain(queue.id);

    const subscription = (
      await request(CreateDeviceMessageSubscriptionDocument, {
        input: { name: `sub_${Date.now()}`, queueName: queue.name, productKey, messageTypes: ['PROPERTY', 'DEVICE_ONLINE_OFFLINE'] },
      })
    ).createDeviceMessageSubscription;
    expect(subscription).toMatchObject({ queueName: queue.name, productKey });
    const subscriptions = await request(MessageSubscriptionsDocument, { first: 100, queueName: queue.name });
    expect(subscriptions.messageSubscriptions.edges.map((e) => e.node.id)).toContain(subscription.id);

    expect((await request(StartMessageSubscriptionDocument, { id: subscription.id })).startMessageSubscription.status).toBe('RUNNING');
    expect((await request(StopMessageSubscriptionDocument, { id: subscription.id })).stopMessageSubscription.status).toBe('STOPPED');
    expect((await request(DeleteMessageSubscriptionDocument, { id: subscription.id })).deleteMessageSubscription).toBe(subscription.id);
    expect((await request(DeleteMessageQueueDocument, { id: queue.id })).deleteMessageQueue).toBe(queue.id);
  });

  it("should bind a device to an App user, see it among the user's devices, and release it", async () => {
    const { userDomains } = await request(UserDomainUsersDocument, { first: 10 });
    const user = userDomains.edges.flatMap((e) => e.node.users.edges).find((e) => e.node.status === 'ENABLED')!.node;
    const owned = await request(EndUserDevicesDocument, { uid: user.uid, first: 100 });
    const { products } = await request(ListProductsDocument, { first: 100 });
    const direct = products.edges.find((e) => e.node.accessType === 'DIRECT')!.node.productKey;
    const { devices } = await request(ListDevicesDocument, { productKey: direct, first: 100 });
    const held = new Set(owned.endUser!.devices.edges.map((e) => e.node.deviceKey));
    // A device this user does not hold; releasing it from everyone first means the bind cannot meet another owner.
    const device = { productKey: direct, deviceKey: devices.edges.map((e) => e.node.deviceKey).find((key) => !held.has(key))! };
    const released = await request(UnbindDevicesFromAllUsersDocument, { input: { devices: [device] } });
    expect(released.unbindDevicesFromAllUsers).toMatchObject({ succeededCount: 1, failedCount: 0 });

    expect((await request(BindDeviceToEndUserDocument, { uid: user.uid, device })).bindDeviceToEndUser.uid).toBe(user.uid);
    const after = await request(EndUserDevicesDocument, { uid: user.uid, first: 100 });
    expect(after.endUser!.devices.edges).toContainEqual(expect.objectContaining({ role: 'OWNER', node: expect.objectContaining(device) }));
    await request(UnbindDeviceFromEndUserDocument, { uid: user.uid, device });
    const afterUnbind = await request(EndUserDevicesDocument, { uid: user.uid, first: 100 });
    expect(afterUnbind.endUser!.devices.edges.map((e) => e.node.deviceKey)).not.toContain(device.deviceKey);
  });

  it('should receive a pushed message through the typed subscription document over graphql-ws', async () => {
    const { products } = await request(ListProductsDocument, { first: 1 });
    const productKey = products.edges[0].node.productKey;
    const { devices } = await request(ListDevicesDocument, { productKey, first: 1 });
    const deviceKey = devices.edges[0].node.deviceKey;
    const client = wsClient(service.url);
    const subscription = subscribe(client, print(DeviceMessagesDocument), { productKey, types: ['PROPERTY_REPORT'] });
    push.emit(pushBody({ productKey, deviceKey, ticket: 'typed-1' }));
    const { data } = (await subscription.next()) as { data: DeviceMessagesSubscription };
    expect(data.deviceMessages).toMatchObject({ type: 'PROPERTY_REPORT', ticket: 'typed-1', productKey, deviceKey, droppedBefore: 0 });
    expect(data.deviceMessages.device?.status).toMatch(/^(ONLINE|OFFLINE)$/);
    executed.add('DeviceMessages');
    await subscription.leave();
    await client.dispose();
  });

  it('should show a product dashboard with counts that add up, and page back through its devices', async () => {
    const { products } = await request(ListProductsDocument, { first: 1 });
    const productKey = products.edges[0].node.productKey;
    const { product } = await request(ProductDashboardDocument, { productKey, first: 5 });
    const counts = product!.deviceCounts;
    expect(counts.online + counts.offline).toBe(counts.total);
    expect(product!.devices.totalCount).toBe(counts.total);
    const { devices } = await request(PreviousDevicesDocument, { productKey, last: 2 });
    expect(devices.edges).toHaveLength(2);
    expect(devices.pageInfo.hasPreviousPage).toBe(counts.total > 2);
    const earlier = await request(PreviousDevicesDocument, { productKey, last: 1, before: devices.pageInfo.startCursor });
    expect(earlier.devices.edges).toHaveLength(1);
    expect(earlier.devices.edges[0].node.deviceKey).not.toBe(devices.edges[0].node.deviceKey);
  });

  it('should have executed every operation in operations/*.graphql', () => {
    expect([...executed].sort()).toEqual(declaredOperations().sort());
  });
});
