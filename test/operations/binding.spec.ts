import { startHarness, type Harness } from '../helpers/harness';

describe('binding writes (inferred endpoints)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.close());

  const admin = () => h.sim.store.admin;
  const activeUser = () =>
    admin()
      .users()
      .find((u) => u.status === 1)!;
  const unboundDevice = () => {
    const bound = new Set(
      admin()
        .bindings()
        .map((b) => `${b.productKey}/${b.deviceKey}`),
    );
    return h.sim.store.devices().find((d) => h.sim.store.product(d.productKey)!.authorized && !bound.has(`${d.productKey}/${d.deviceKey}`))!;
  };
  const sharedBinding = () =>
    admin()
      .bindings()
      .find((b) => b.deviceType === 2)!;
  const usersOf = (pk: string, dk: string) =>
    admin()
      .bindings()
      .filter((b) => b.productKey === pk && b.deviceKey === dk)
      .map((b) => b.uid);

  const BIND =
    'mutation($uid: String!, $pk: String!, $dk: String!) { bindDeviceToEndUser(uid: $uid, device: { productKey: $pk, deviceKey: $dk }) { uid devices(first: 100) { edges { role node { productKey deviceKey } } } } }';
  const UNBIND =
    'mutation($uid: String!, $pk: String!, $dk: String!) { unbindDeviceFromEndUser(uid: $uid, device: { productKey: $pk, deviceKey: $dk }) { uid devices(first: 100) { edges { node { deviceKey } } } } }';

  it("should bind a device with one upstream call and show it among the user's devices", async () => {
    const user = activeUser();
    const device = unboundDevice();
    h.sim.log.clear();
    const { data, errors } = await h.execute<{
      bindDeviceToEndUser: { uid: string; devices: { edges: Array<{ role: string; node: { productKey: string; deviceKey: string } }> } };
    }>(BIND, {
      uid: user.uid,
      pk: device.productKey,
      dk: device.deviceKey,
    });
    expect(errors).toBeUndefined();
    expect(data!.bindDeviceToEndUser.uid).toBe(user.uid);
    expect(data!.bindDeviceToEndUser.devices.edges).toContainEqual({
      role: 'OWNER',
      node: { productKey: device.productKey, deviceKey: device.deviceKey },
    });
    expect(h.sim.log.count('binding.bindDeviceByPkDk')).toBe(1);
    const [call] = h.sim.log.entries().filter((e) => e.endpoint === 'binding.bindDeviceByPkDk');
    expect(call).toMatchObject({
      method: 'POST',
      path: '/v2/binding/enterpriseapi/bindDeviceByPkDk',
      query: { uid: user.uid, pk: device.productKey, dk: device.deviceKey },
    });
    expect(usersOf(device.productKey, device.deviceKey)).toEqual([user.uid]);

    const again = await h.execute(BIND, { uid: user.uid, pk: device.productKey, dk: device.deviceKey });
    expect(again.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', upstream: { code: 5412 } });
  });

  it('should map refusals: unknown user and device NOT_FOUND, unauthorized product FORBIDDEN, disabled user BAD_USER_INPUT', async () => {
    const device = unboundDevice();
    const hidden = h.sim.store.products().find((p) => !p.authorized)!;
    const hiddenDevice = h.sim.store.devices().find((d) => d.productKey === hidden.productKey)!;
    const disabled = admin()
      .users()
      .find((u) => u.status === 0)!;
    const cases: Array<[Record<string, string>, string, number]> = [
      [{ uid: 'C999999', pk: device.productKey, dk: device.deviceKey }, 'NOT_FOUND', 5033],
      [{ uid: activeUser().uid, pk: device.productKey, dk: 'nope' }, 'NOT_FOUND', 5493],
      [{ uid: activeUser().uid, pk: hidden.productKey, dk: hiddenDevice.deviceKey }, 'FORBIDDEN', 5327],
      [{ uid: disabled.uid, pk: device.productKey, dk: device.deviceKey }, 'BAD_USER_INPUT', 5486],
    ];
    for (const [variables, code, upstream] of cases) {
      const { errors } = await h.execute(BIND, variables);
      expect(errors![0].extensions).toMatchObject({ code, upstream: { code: upstream } });
    }
    expect(usersOf(device.productKey, device.deviceKey)).toEqual([]);
  });

  it("should unbind an owner's device with its shares, and answer NOT_FOUND the second time", async () => {
    const shared = sharedBinding();
    const owner = shared.ownerUid!;
    const variables = { uid: owner, pk: shared.productKey, dk: shared.deviceKey };
    const { data, errors } = await h.execute<{ unbindDeviceFromEndUser: { devices: { edges: Array<{ node: { deviceKey: string } }> } } }>(
      UNBIND,
      variables,
    );
    expect(errors).toBeUndefined();
    expect(data!.unbindDeviceFromEndUser.devices.edges.map((e) => e.node.deviceKey)).not.toContain(shared.deviceKey);
    expect(usersOf(shared.productKey, shared.deviceKey)).toEqual([]);
    const again = await h.execute(UNBIND, variables);
    expect(again.errors![0].extensions).toMatchObject({ code: 'NOT_FOUND', upstream: { code: 5414 } });
  });

  it('should release many devices in one call and report each one', async () => {
    const shared = sharedBinding();
    const owned = admin()
      .bindings()
      .find((b) => b.deviceType === 1 && b.deviceKey !== shared.deviceKey)!;
    const devices = [
      { productKey: shared.productKey, deviceKey: shared.deviceKey },
      { productKey: owned.productKey, deviceKey: 'not-a-device' },
      { productKey: owned.productKey, deviceKey: owned.deviceKey },
      { productKey: shared.productKey, deviceKey: shared.deviceKey },
    ];
    h.sim.log.clear();
    const { data, errors } = await h.execute<{ unbindDevicesFromAllUsers: unknown }>(
      'mutation($d: [DeviceRefInput!]!) { unbindDevicesFromAllUsers(input: { devices: $d }) { succeededCount failedCount succeeded { productKey deviceKey } failed { index productKey deviceKey code message } } }',
      { d: devices },
    );
    expect(errors).toBeUndefined();
    expect(data!.unbindDevicesFromAllUsers).toEqual({
      succeededCount: 2,
      failedCount: 1,
      succeeded: [devices[0], devices[2]],
      failed: [{ index: 1, productKey: owned.productKey, deviceKey: 'not-a-device', code: 5493, message: 'device does not exist' }],
    });
    expect(h.sim.log.counters()).toEqual({ 'binding.batchUnbindlingDevice': 1 });
    const [call] = h.sim.log.entries();
    expect(call.body).toEqual({ deviceList: devices.slice(0, 3).map((d) => ({ pk: d.productKey, dk: d.deviceKey })) });
    expect(usersOf(shared.productKey, shared.deviceKey)).toEqual([]);
    expect(usersOf(owned.productKey, owned.deviceKey)).toEqual([]);
  });

  it('should count a device the platform does not report on as failed, not as unbound', async () => {
    const device = unboundDevice();
    h.sim.faults.inject('binding.batchUnbindlingDevice', { body: JSON.stringify({ code: 200, msg: '', data: [], extMsg: null }) });
    const { data, errors } = await h.execute<{
      unbindDevicesFromAllUsers: { succeededCount: number; failed: Array<{ code: number | null; message: string }> };
    }>('mutation($d: [DeviceRefInput!]!) { unbindDevicesFromAllUsers(input: { devices: $d }) { succeededCount failed { code message } } }', {
      d: [{ productKey: device.productKey, deviceKey: device.deviceKey }],
    });
    expect(errors).toBeUndefined();
    expect(data!.unbindDevicesFromAllUsers).toEqual({
      succeededCount: 0,
      failed: [{ code: null, message: 'The platform did not report on this device' }],
    });
  });

  it('should validate before any upstream call', async () => {
    const device = unboundDevice();
    h.sim.log.clear();
    const tooMany = Array.from({ length: 101 }, (_, i) => `{ productKey: "${device.productKey}", deviceKey: "d${i}" }`).join(' ');
    const cases: Array<[string, string]> = [
      [
        `mutation { bindDeviceToEndUser(uid: "bad uid", device: { productKey: "${device.productKey}", deviceKey: "${device.deviceKey}" }) { uid } }`,
        'uid must be',
      ],
      [
        `mutation { bindDeviceToEndUser(uid: "C131300", device: { productKey: "bad key!", deviceKey: "${device.deviceKey}" }) { uid } }`,
        'productKey',
      ],
      [`mutation { unbindDeviceFromEndUser(uid: "C131300", device: { productKey: "${device.productKey}", deviceKey: "" }) { uid } }`, 'deviceKey'],
      ['mutation { unbindDevicesFromAllUsers(input: { devices: [] }) { failedCount } }', 'devices must not be empty'],
      [`mutation { unbindDevicesFromAllUsers(input: { devices: [${tooMany}] }) { failedCount } }`, 'at most 100'],
    ];
    for (const [query, message] of cases) {
      const { errors } = await h.execute(query);
      expect(errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
      expect(errors![0].message).toContain(message);
    }
    expect(h.sim.log.count()).toBe(0);
  });

  it('should send binding writes to a configured base path', async () => {
    const moved = await startHarness({ env: { QUEC_PATH_BINDING: '/v2/moved/binding/' } });
    try {
      const device = unboundDevice();
      const { errors } = await moved.execute(BIND, { uid: activeUser().uid, pk: device.productKey, dk: device.deviceKey });
      // The simulator serves no such path: the family is reported unconfirmed, naming the variable that moved it.
      expect(errors![0].extensions).toMatchObject({ code: 'UPSTREAM_UNCONFIRMED' });
      expect(errors![0].message).toContain('QUEC_PATH_BINDING');
      expect(moved.sim.log.entries().map((e) => e.path)).toContain('/v2/moved/binding/bindDeviceByPkDk');
    } finally {
      await moved.close();
    }
  });
});
