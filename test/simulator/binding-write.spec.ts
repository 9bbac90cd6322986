import type { Binding } from '../../simulator/store/admin.types';
import { signedSession } from './support/signed-session';

describe('binding writes (§11.5, inferred)', () => {
  const session = signedSession('/v2/binding/enterpriseapi');
  const admin = () => session.sim.store.admin;
  const send = (method: string, path: string, query: Record<string, string | number> = {}, body?: unknown) =>
    session.send(method, path, { query, body });
  const activeUser = () =>
    admin()
      .users()
      .find((u) => u.status === 1)!;
  const disabledUser = () =>
    admin()
      .users()
      .find((u) => u.status === 0)!;
  /** A device of an authorized product nobody has bound. */
  const unboundDevice = () => {
    const bound = new Set(
      admin()
        .bindings()
        .map((b) => `${b.productKey}/${b.deviceKey}`),
    );
    return session.sim.store
      .devices()
      .find((d) => session.sim.store.product(d.productKey)!.authorized && !bound.has(`${d.productKey}/${d.deviceKey}`))!;
  };
  const sharedBinding = () =>
    admin()
      .bindings()
      .find((b) => b.deviceType === 2)!;
  const bindingsOf = (pk: string, dk: string): Binding[] =>
    admin()
      .bindings()
      .filter((b) => b.productKey === pk && b.deviceKey === dk);

  it('should bind a device to a user as its owner by PK/DK, and refuse a second binding', async () => {
    const user = activeUser();
    const device = unboundDevice();
    const query = { uid: user.uid, pk: device.productKey, dk: device.deviceKey };
    expect((await send('POST', '/bindDeviceByPkDk', query)).body).toEqual({ code: 200, msg: '', data: {}, extMsg: null });
    expect(bindingsOf(device.productKey, device.deviceKey)).toEqual([
      expect.objectContaining({ uid: user.uid, deviceType: 1, ownerUid: null, bindingType: 3 }),
    ]);
    expect((await send('POST', '/bindDeviceByPkDk', query)).body.code).toBe(5412);
    const other = admin()
      .users()
      .find((u) => u.status === 1 && u.uid !== user.uid)!;
    expect((await send('POST', '/bindDeviceByPkDk', { ...query, uid: other.uid })).body.code).toBe(5413);
  });

  it.each([
    [{}, 5065],
    [{ uid: 'C131300' }, 5066],
    [{ uid: 'C131300', pk: 'p1xxxx' }, 5067],
    [{ uid: 'nobody', pk: 'p1xxxx', dk: 'd' }, 5033],
  ])('should refuse bind parameters %j with %i', async (query, code) => {
    expect((await send('POST', '/bindDeviceByPkDk', query)).body).toEqual({ code, msg: expect.any(String), data: null, extMsg: null });
  });

  it('should refuse unknown devices, unauthorized products and disabled users', async () => {
    const device = unboundDevice();
    const uid = activeUser().uid;
    expect((await send('POST', '/bindDeviceByPkDk', { uid, pk: device.productKey, dk: 'no-such-device' })).body.code).toBe(5493);
    const hidden = session.sim.store.products().find((p) => !p.authorized)!;
    const hiddenDevice = session.sim.store.devices().find((d) => d.productKey === hidden.productKey)!;
    expect((await send('POST', '/bindDeviceByPkDk', { uid, pk: hidden.productKey, dk: hiddenDevice.deviceKey })).body.code).toBe(5327);
    expect((await send('POST', '/bindDeviceByPkDk', { uid: disabledUser().uid, pk: device.productKey, dk: device.deviceKey })).body.code).toBe(5486);
  });

  it("should end an owner's binding together with the shares they granted", async () => {
    const shared = sharedBinding();
    const owner = shared.ownerUid!;
    expect(bindingsOf(shared.productKey, shared.deviceKey).length).toBe(2);
    const query = { uid: owner, pk: shared.productKey, dk: shared.deviceKey };
    expect((await send('DELETE', '/unbundlingUserDevice', query)).body).toMatchObject({ code: 200 });
    expect(bindingsOf(shared.productKey, shared.deviceKey)).toEqual([]);
    expect((await send('DELETE', '/unbundlingUserDevice', query)).body.code).toBe(5414);
  });

  it('should end only the guest binding when a guest unbinds', async () => {
    const shared = sharedBinding();
    expect((await send('DELETE', '/unbundlingUserDevice', { uid: shared.uid, pk: shared.productKey, dk: shared.deviceKey })).body.code).toBe(200);
    expect(bindingsOf(shared.productKey, shared.deviceKey)).toEqual([expect.objectContaining({ uid: shared.ownerUid, deviceType: 1 })]);
  });

  it('should unbind every user of each listed device and report each device on its own', async () => {
    const shared = sharedBinding();
    const hidden = session.sim.store.products().find((p) => !p.authorized)!;
    const deviceList = [
      { pk: shared.productKey, dk: shared.deviceKey },
      { pk: shared.productKey, dk: 'no-such-device' },
      { pk: hidden.productKey, dk: 'x' },
    ];
    const { body } = await send('POST', '/batchUnbindlingDevice', {}, { deviceList });
    expect(body).toMatchObject({ code: 200, extMsg: null });
    expect(body.data).toEqual([
      { pk: shared.productKey, dk: shared.deviceKey, code: 200, msg: '' },
      { pk: shared.productKey, dk: 'no-such-device', code: 5493, msg: 'device does not exist' },
      { pk: hidden.productKey, dk: 'x', code: 5327, msg: 'no permission for this product' },
    ]);
    expect(bindingsOf(shared.productKey, shared.deviceKey)).toEqual([]);
  });

  it.each([
    [{}, 5415],
    [{ deviceList: [] }, 5415],
    [{ deviceList: 'x' }, 50005],
    [{ deviceList: Array.from({ length: 101 }, (_, i) => ({ pk: 'p1abcd', dk: `d${i}` })) }, 5415],
    [{ deviceList: [{ dk: 'd' }] }, 5066],
    [{ deviceList: [{ pk: 'p1abcd' }] }, 5067],
  ])('should refuse batch body %j with %i and unbind nothing', async (request, code) => {
    const before = admin().bindings().length;
    expect((await send('POST', '/batchUnbindlingDevice', {}, request)).body.code).toBe(code);
    expect(admin().bindings().length).toBe(before);
  });
});
