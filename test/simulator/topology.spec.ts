import { productOf } from './support/seed-lookup';
import { signedSession } from './support/signed-session';

const PROJECT = '/v2/quecproductmgr/r1/openapi/project';
const GROUP = '/v2/devicegroup/enterpriseapi';

describe('projects (§11.1, inferred paths)', () => {
  const session = signedSession(PROJECT);
  const get = (path: string) => session.send('GET', path);

  it('should seed every product into a project', () => {
    for (const product of session.sim.store.products()) expect(session.sim.store.project(product.projectId)).toBeDefined();
  });

  it('should list projects in envelope A with top-level paging', async () => {
    const { body } = await get(`/overview`);
    expect(body).toMatchObject({ code: 200, pageNum: 1, pageSize: 10 });
    expect(body.data[0]).toEqual({
      projectId: expect.any(Number),
      projectName: expect.any(String),
      projectDesc: expect.any(String),
      productCount: expect.any(Number),
      createTime: expect.stringMatching(/^\d{13}$/),
    });
  });

  it('should serve detail and products under {projectId} path segments', async () => {
    const meter = productOf(session.sim, 'meter');
    const detail = await get(`/${meter.projectId}/detail`);
    expect(detail.body.data).toMatchObject({ projectId: meter.projectId });
    const products = await get(`/${meter.projectId}/product/overview`);
    expect(products.body.data.map((p: { productKey: string }) => p.productKey)).toContain(meter.productKey);
    expect((await get(`/1/detail`)).body.code).toBe(70089);
    expect((await get(`/abc/detail`)).body.code).toBe(50005);
  });

  describe('edit', () => {
    const edit = (projectId: number | string, body: unknown) => session.send('PUT', `/${projectId}/edit`, { body });

    it('should rename a project and change its description, keeping what is omitted', async () => {
      const project = session.sim.store.project(productOf(session.sim, 'meter').projectId)!;
      const description = project.description;
      expect((await edit(project.id, { projectName: 'Smart Energy EU' })).body).toEqual({ code: 200, msg: '' });
      expect(session.sim.store.project(project.id)).toMatchObject({ name: 'Smart Energy EU', description });
      expect((await edit(project.id, { projectDesc: '' })).body.code).toBe(200);
      const detail = await get(`/${project.id}/detail`);
      expect(detail.body.data).toMatchObject({ projectName: 'Smart Energy EU', projectDesc: '' });
    });

    it.each([
      [{}, 50004],
      [{ projectName: '' }, 50005],
      [{ projectName: 'x'.repeat(33) }, 50005],
      [{ projectDesc: 'x'.repeat(201) }, 50005],
      [{ projectName: 7 }, 50005],
    ])('should refuse %j with %i', async (body, code) => {
      expect((await edit(productOf(session.sim, 'meter').projectId, body)).body.code).toBe(code);
    });

    it('should refuse a name another project has (70001) and an invisible project (70089)', async () => {
      const mine = productOf(session.sim, 'meter').projectId;
      const other = session.sim.store.projects().find((p) => p.id !== mine)!;
      expect((await edit(mine, { projectName: other.name })).body.code).toBe(70001);
      expect((await edit(1, { projectName: 'Anything' })).body.code).toBe(70089);
    });
  });
});

describe('device groups (§11.6, inferred paths)', () => {
  const session = signedSession(GROUP);
  const send = (method: string, path: string, body?: unknown, query: Record<string, string | number> = {}) =>
    session.send(method, path, { query, body });

  it('should seed nested groups holding many devices', () => {
    const groups = session.sim.store.admin.groups();
    const depth = (id: number | null): number => (id === null ? 0 : 1 + depth(session.sim.store.admin.group(id)!.parentId));
    expect(Math.max(...groups.map((g) => depth(g.id)))).toBeGreaterThanOrEqual(3);
    const grouped = session.sim.store.devices().filter((d) => d.groupIds.length > 0);
    expect(grouped.length).toBeGreaterThan(session.sim.store.devices().length / 2);
    for (const device of grouped) for (const id of device.groupIds) expect(session.sim.store.admin.groupDevices(id)).toContain(device);
  });

  it('should list groups in envelope B and filter by parent', async () => {
    const { body } = await send('GET', '/deviceGroupList', undefined, { parentId: 0 });
    expect(body).toMatchObject({ code: 200, msg: '', extMsg: null });
    expect(body.data.list.every((g: { parentId: number }) => g.parentId === 0)).toBe(true);
    expect(body.data.total).toBe(session.sim.store.admin.groups().filter((g) => g.parentId === null).length);
  });

  it.each([
    ['POST', '/addDeviceGroup', {}, 5301],
    ['POST', '/addDeviceGroup', { name: 'x'.repeat(51) }, 5302],
    ['POST', '/addDeviceGroup', { name: 'x', parentId: 1 }, 5308],
    ['PUT', '/setDeviceGroup', { name: 'x' }, 5305],
    ['PUT', '/setDeviceGroup', { dgid: 1, name: 'x' }, 5306],
    ['POST', '/addDeviceToGroup', { dgid: 9100 }, 5311],
    ['POST', '/addDeviceToGroup', { dgid: 9100, deviceList: [{ pk: 'pNOPE1', dk: 'x' }] }, 5313],
  ])('should answer %s %s %j with %i', async (method, path, body, code) => {
    expect((await send(method, path, body)).body).toEqual({ code, msg: expect.any(String), data: null, extMsg: null });
  });

  it('should refuse more than 100 devices per call with 5312', async () => {
    const list = session.sim.store
      .devices()
      .slice(0, 101)
      .map((d) => ({ pk: d.productKey, dk: d.deviceKey }));
    expect((await send('POST', '/addDeviceToGroup', { dgid: 9100, deviceList: list })).body.code).toBe(5312);
  });

  it('should refuse a parent that is the group itself or a descendant', async () => {
    const [root] = session.sim.store.admin.groups().filter((g) => g.parentId === null);
    const child = session.sim.store.admin.groups().find((g) => g.parentId === root.id)!;
    expect((await send('PUT', '/setDeviceGroup', { dgid: root.id, parentId: root.id })).body.code).toBe(5323);
    expect((await send('PUT', '/setDeviceGroup', { dgid: root.id, parentId: child.id })).body.code).toBe(5324);
  });

  it('should list the groups of a device and the devices of a group', async () => {
    const device = session.sim.store.devices().find((d) => d.groupIds.length > 0)!;
    const groups = await send('GET', '/getDeviceGroupList', undefined, { pk: device.productKey, dk: device.deviceKey });
    expect(groups.body.data.list.map((g: { dgid: number }) => g.dgid).sort()).toEqual([...device.groupIds].sort());
    const members = await send('GET', '/getGroupDeviceList', undefined, { dgid: device.groupIds[0], pageSize: 100 });
    expect(members.body.data.list).toContainEqual(expect.objectContaining({ productKey: device.productKey, deviceKey: device.deviceKey }));
  });

  it('should create a control task and serve its detail', async () => {
    const group = session.sim.store.admin.groups().find((g) => session.sim.store.admin.groupDevices(g.id).length > 0)!;
    const created = await send('POST', '/controlDevicesByDeviceGroup', { dgid: group.id, type: 'PROPERTY', operate: 'DOWN', data: '{}' });
    expect(created.body).toEqual({ code: 200, msg: '', data: { taskId: expect.any(Number) }, extMsg: null });
    const detail = await send('GET', '/getControlDeviceGroupTaskDetail', undefined, { taskId: created.body.data.taskId });
    expect(detail.body.data).toMatchObject({ dgid: group.id, status: 2, total: session.sim.store.admin.groupDevices(group.id).length });
    expect((await send('POST', '/controlDevicesByDeviceGroup', { dgid: group.id })).body.code).toBe(5341);
  });
});
