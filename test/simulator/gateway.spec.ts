import type { Device } from '../../simulator';
import { suiteRulesWith } from '../helpers/strict-profile';
import { devicesOf, mixedGateway, productOf } from './support/seed-lookup';
import { PATHS } from './support/sim-client';
import { signedSession } from './support/signed-session';

// The rows as the examples have them, connection times in epoch ms; strict-mode.test.ts covers the date-time strings
// of the strict rule dateTimeStrings.
const session = signedSession('', { strict: suiteRulesWith({ dateTimeStrings: false }) });

const connectedSub = (role: 'soil-sensor' | 'temperature-probe'): Device =>
  devicesOf(session.sim, role).find((d) => d.gateway?.currentGatewayId != null) as Device;
const disconnectedSub = (role: 'soil-sensor' | 'temperature-probe'): Device =>
  devicesOf(session.sim, role).find((d) => d.gateway !== null && d.gateway.currentGatewayId === null) as Device;

describe('gateway subList', () => {
  const subList = (query: Record<string, string | number>) => session.send('GET', PATHS.subList, { query });

  it('should list the associated sub-devices as OpenApiDeviceDO rows with isCurrent', async () => {
    const gateway = mixedGateway(session.sim);
    const subs = session.sim.store.subDevicesOf(gateway.id);
    const { body } = await subList({ productKey: gateway.productKey, deviceKey: gateway.deviceKey, pageSize: 50 });
    expect(body).toMatchObject({ code: 200, msg: '', pageNum: 1, pageSize: 50, pages: 1, total: subs.length });
    expect(body.data.map((r: { id: number }) => r.id)).toEqual(subs.map((s) => s.id));
    const first = subs[0];
    const product = session.sim.store.product(first.productKey)!;
    expect(body.data[0]).toEqual({
      id: first.id,
      productId: product.productId,
      productKey: product.productKey,
      productName: product.productName,
      projectId: product.projectId,
      deviceKey: first.deviceKey,
      deviceName: first.deviceName,
      sn: first.sn,
      deviceStatus: first.deviceStatus,
      isActived: 1,
      isLiveness: null,
      isVerified: first.isVerified,
      isVirtual: 0,
      enabled: first.enabled,
      authMode: 0,
      fingerPrint: null,
      gatewayType: product.gatewayType,
      isCurrent: first.gateway!.currentGatewayId === gateway.id ? 1 : 0,
      locateType: null,
      moduleType: null,
      moduleVersion: null,
      protocol: null,
      oldDeviceName: null,
      activedTime: first.activedTime,
      createTime: first.createTime,
      updateTime: first.updateTime,
      firstConnTime: first.firstConnTime,
      lastConnTime: first.lastConnTime,
      lastOfflineTime: first.lastOfflineTime,
    });
    expect(new Set(body.data.map((r: { gatewayType: number }) => r.gatewayType))).toEqual(new Set([1, 2]));
  });

  it('should mark sub-devices that are associated but not connected with isCurrent 0', async () => {
    const sub = disconnectedSub('soil-sensor');
    const gateway = session.sim.store.deviceById(sub.gateway!.associatedGatewayIds[0])!;
    const { body } = await subList({ deviceId: gateway.id, pageSize: 50 });
    expect(body.data.find((r: { id: number }) => r.id === sub.id).isCurrent).toBe(0);
  });

  it('should look the gateway up by deviceId, which wins over PK/DK', async () => {
    const gateway = mixedGateway(session.sim);
    const other = session.sim.store.devices().find((d) => d.id !== gateway.id && session.sim.store.subDevicesOf(d.id).length > 0)!;
    const { body } = await subList({ deviceId: gateway.id, productKey: other.productKey, deviceKey: other.deviceKey });
    expect(body.total).toBe(session.sim.store.subDevicesOf(gateway.id).length);
  });

  it('should page through the sub-devices', async () => {
    const gateway = mixedGateway(session.sim);
    const total = session.sim.store.subDevicesOf(gateway.id).length;
    const { body } = await subList({ deviceId: gateway.id, pageNum: 2, pageSize: 2 });
    expect(body).toMatchObject({ pageNum: 2, pageSize: 2, pages: Math.ceil(total / 2), total });
    expect(body.data.map((r: { id: number }) => r.id)).toEqual(
      session.sim.store
        .subDevicesOf(gateway.id)
        .slice(2, 4)
        .map((s) => s.id),
    );
    const beyond = (await subList({ deviceId: gateway.id, pageNum: 100 })).body;
    expect(beyond).toMatchObject({ code: 200, data: [], total });
  });

  it('should answer 50007 without deviceId and without both PK and DK', async () => {
    const gateway = mixedGateway(session.sim);
    expect((await subList({})).body).toEqual({ code: 50007, msg: 'The deviceID, productKey or deviceKey is empty.' });
    expect((await subList({ productKey: gateway.productKey })).body.code).toBe(50007);
    expect((await subList({ deviceKey: gateway.deviceKey })).body.code).toBe(50007);
  });

  it('should answer 70020 when the target is not a gateway product', async () => {
    const meter = devicesOf(session.sim, 'meter')[0];
    expect((await subList({ productKey: meter.productKey, deviceKey: meter.deviceKey })).body).toEqual({
      code: 70020,
      msg: 'Not a gateway product.',
    });
    expect((await subList({ deviceId: meter.id })).body.code).toBe(70020);
  });

  it('should answer 70130 for an unknown gateway device', async () => {
    const gatewayProduct = productOf(session.sim, 'cellular-gateway');
    expect((await subList({ productKey: gatewayProduct.productKey, deviceKey: '000000000000000' })).body.code).toBe(70130);
    expect((await subList({ deviceId: 1 })).body.code).toBe(70130);
  });

  it('should answer 70089 for a device of the unauthorized product', async () => {
    const tracker = devicesOf(session.sim, 'tracker')[0];
    expect((await subList({ productKey: tracker.productKey, deviceKey: tracker.deviceKey })).body.code).toBe(70089);
  });
});

describe('getGatewayProductByChildDevice', () => {
  const ofChild = (query: Record<string, string>) => session.send('GET', PATHS.gatewayOfChild, { query });

  it('should answer the current gateway of a product-integration sub-device', async () => {
    const sub = connectedSub('soil-sensor');
    const gateway = session.sim.store.deviceById(sub.gateway!.currentGatewayId!)!;
    const { body } = await ofChild({ productKey: sub.productKey, deviceKey: sub.deviceKey });
    expect(body).toEqual({
      code: 200,
      msg: '',
      data: {
        productKey: gateway.productKey,
        productName: session.sim.store.product(gateway.productKey)!.productName,
        deviceKey: gateway.deviceKey,
        deviceName: gateway.deviceName,
      },
    });
  });

  it('should answer 70026 for a sub-device associated with but not connected to its gateway', async () => {
    const sub = disconnectedSub('soil-sensor');
    expect((await ofChild({ productKey: sub.productKey, deviceKey: sub.deviceKey })).body).toEqual({
      code: 70026,
      msg: 'The sub-device is not connected to the gateway device.',
    });
  });

  it('should answer 70027 for a proxy-only (gatewayType 1) sub-device', async () => {
    const sub = connectedSub('temperature-probe');
    expect((await ofChild({ productKey: sub.productKey, deviceKey: sub.deviceKey })).body.code).toBe(70027);
  });

  it('should answer 70029 for a device that is not a sub-device', async () => {
    const gateway = mixedGateway(session.sim);
    expect((await ofChild({ productKey: gateway.productKey, deviceKey: gateway.deviceKey })).body.code).toBe(70029);
    const meter = devicesOf(session.sim, 'meter')[0];
    expect((await ofChild({ productKey: meter.productKey, deviceKey: meter.deviceKey })).body.code).toBe(70029);
  });

  it('should answer 50007 when productKey or deviceKey is missing', async () => {
    const sub = connectedSub('soil-sensor');
    expect((await ofChild({ productKey: sub.productKey })).body.code).toBe(50007);
    expect((await ofChild({ deviceKey: sub.deviceKey })).body.code).toBe(50007);
  });

  it('should answer 70130 for an unknown sub-device', async () => {
    expect((await ofChild({ productKey: productOf(session.sim, 'soil-sensor').productKey, deviceKey: 'nope' })).body.code).toBe(70130);
  });
});

describe('gateway unbind', () => {
  const unbind = (query: Record<string, string>, body?: unknown) => session.send('POST', PATHS.unbind, { query, body });

  it('should detach a connected sub-device, after which it has no associated gateway', async () => {
    const sub = connectedSub('soil-sensor');
    const gatewayId = sub.gateway!.currentGatewayId!;
    const before = session.sim.store.subDevicesOf(gatewayId).length;

    expect((await unbind({ productKey: sub.productKey, deviceKey: sub.deviceKey })).body).toEqual({ code: 200, msg: '' });
    expect(sub.gateway).toEqual({ associatedGatewayIds: [], currentGatewayId: null });
    expect(session.sim.store.subDevicesOf(gatewayId)).toHaveLength(before - 1);

    const after = await session.send('GET', PATHS.gatewayOfChild, { query: { productKey: sub.productKey, deviceKey: sub.deviceKey } });
    expect(after.body).toEqual({ code: 70028, msg: 'There is no associated gateway device.' });
    expect((await unbind({ productKey: sub.productKey, deviceKey: sub.deviceKey })).body.code).toBe(70026);
  });

  it('should answer 70026 for a sub-device that is not connected', async () => {
    const sub = disconnectedSub('temperature-probe');
    expect((await unbind({ productKey: sub.productKey, deviceKey: sub.deviceKey })).body.code).toBe(70026);
  });

  it('should read its parameters from the query string, not a JSON body', async () => {
    const sub = connectedSub('temperature-probe');
    const { body: answer } = await unbind({}, { productKey: sub.productKey, deviceKey: sub.deviceKey });
    // 50007 "deviceKey empty" as the platform reads it; 50005 where strict mode refuses the body fields first.
    expect([50005, 50007]).toContain(answer.code);
    expect(sub.gateway!.currentGatewayId).not.toBeNull();
  });

  it('should answer 70089 for the unauthorized product and 70130 for an unknown device', async () => {
    const tracker = devicesOf(session.sim, 'tracker')[0];
    expect((await unbind({ productKey: tracker.productKey, deviceKey: tracker.deviceKey })).body.code).toBe(70089);
    expect((await unbind({ productKey: productOf(session.sim, 'soil-sensor').productKey, deviceKey: 'nope' })).body.code).toBe(70130);
  });

  it('should reject GET with 405', async () => {
    const sub = connectedSub('soil-sensor');
    const { status } = await session.send('GET', PATHS.unbind, { query: { productKey: sub.productKey, deviceKey: sub.deviceKey } });
    expect(status).toBe(405);
  });
});
