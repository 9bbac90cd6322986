import { WIDE_COST_BUDGET, startHarness, type Harness } from '../helpers/harness';

describe('projects', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.close());

  const visibleProjects = () => {
    const ids = new Set(h.sim.store.authorizedProducts().map((p) => p.projectId));
    return h.sim.store.projects().filter((p) => ids.has(p.id));
  };

  it('should list projects with their products as connections', async () => {
    const { data, errors } = await h.execute<{
      projects: {
        totalCount: number;
        edges: Array<{ node: { id: string; name: string; products: { edges: Array<{ node: { productKey: string; project: { id: string } } }> } } }>;
      };
    }>(
      '{ projects(first: 10) { totalCount edges { node { id name productCount createdAt products(first: 20) { totalCount edges { node { productKey project { id } } } } } } } }',
    );
    expect(errors).toBeUndefined();
    expect(data!.projects.totalCount).toBe(visibleProjects().length);
    for (const { node } of data!.projects.edges) {
      const expected = h.sim.store
        .authorizedProducts()
        .filter((p) => String(p.projectId) === node.id)
        .map((p) => p.productKey)
        .sort();
      expect(node.products.edges.map((e) => e.node.productKey).sort()).toEqual(expected);
      for (const edge of node.products.edges) expect(edge.node.project.id).toBe(node.id);
    }
  });

  it('should give every authorized product its project with one listing per project', async () => {
    h.sim.log.clear();
    const { data, errors } = await h.execute<{ products: { edges: Array<{ node: { productKey: string; project: { name: string } | null } }> } }>(
      '{ products(first: 50) { edges { node { productKey project { name } } } } }',
    );
    expect(errors).toBeUndefined();
    for (const { node } of data!.products.edges) {
      const product = h.sim.store.product(node.productKey)!;
      expect(node.project).toEqual({ name: h.sim.store.project(product.projectId)!.name });
    }
    expect(h.sim.log.count('project.overview')).toBe(1);
    expect(h.sim.log.count('project.products')).toBe(visibleProjects().length);
  });

  it('should resolve Project representations from one listing', async () => {
    const [a, b] = visibleProjects();
    h.sim.log.clear();
    const { data, errors } = await h.execute<{ _entities: Array<{ id: string; name: string } | null> }>(
      'query($r: [_Any!]!) { _entities(representations: $r) { ... on Project { id name } } }',
      {
        r: [
          { __typename: 'Project', id: String(a.id) },
          { __typename: 'Project', id: String(b.id) },
          { __typename: 'Project', id: '1' },
        ],
      },
    );
    expect(errors).toBeUndefined();
    expect(data!._entities).toEqual([{ id: String(a.id), name: a.name }, { id: String(b.id), name: b.name }, null]);
    expect(h.sim.log.counters()).toEqual({ 'project.overview': 1 });
  });

  it('should rename a project and change its description with one edit call, then read it back', async () => {
    const project = visibleProjects()[0];
    h.sim.log.clear();
    const { data, errors } = await h.execute<{ updateProject: { id: string; name: string; description: string | null } }>(
      'mutation($id: ID!) { updateProject(input: { id: $id, name: "Renamed project", description: "Pilot in two cities" }) { id name description } }',
      { id: String(project.id) },
    );
    expect(errors).toBeUndefined();
    expect(data!.updateProject).toEqual({ id: String(project.id), name: 'Renamed project', description: 'Pilot in two cities' });
    const [edit] = h.sim.log.entries().filter((e) => e.endpoint === 'project.edit');
    expect(edit).toMatchObject({
      method: 'PUT',
      path: `/v2/quecproductmgr/r1/openapi/project/${project.id}/edit`,
      body: { projectName: 'Renamed project', projectDesc: 'Pilot in two cities' },
    });
    expect(h.sim.log.count('project.edit')).toBe(1);
    expect(h.sim.store.project(project.id)).toMatchObject({ name: 'Renamed project', description: 'Pilot in two cities' });
  });

  it('should read the project afresh after each edit of one request', async () => {
    const project = visibleProjects()[1];
    const { name } = project;
    const { data, errors } = await h.execute<{
      first: { name: string; description: string | null };
      second: { name: string; description: string | null };
    }>(
      'mutation($id: ID!) { first: updateProject(input: { id: $id, description: "" }) { name description } second: updateProject(input: { id: $id, name: "Fresh name" }) { name description } }',
      { id: String(project.id) },
    );
    expect(errors).toBeUndefined();
    expect(data).toEqual({ first: { name, description: null }, second: { name: 'Fresh name', description: null } });
  });

  it('should refuse a duplicate name with the platform code and a bad input before any call', async () => {
    const [mine, other] = h.sim.store.projects();
    const taken = await h.execute('mutation($id: ID!, $n: String!) { updateProject(input: { id: $id, name: $n }) { id } }', {
      id: String(mine.id),
      n: other.name,
    });
    expect(taken.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', upstream: { code: 70001 } });
    h.sim.log.clear();
    const cases: Array<[string, string]> = [
      [`{ id: "${mine.id}" }`, 'Nothing to change'],
      [`{ id: "${mine.id}", name: "   " }`, 'name must not be blank'],
      [`{ id: "${mine.id}", name: "${'x'.repeat(33)}" }`, 'at most 32'],
      [`{ id: "${mine.id}", description: "${'x'.repeat(201)}" }`, 'at most 200'],
      ['{ id: "0", name: "n" }', 'id must be'],
    ];
    for (const [input, message] of cases) {
      const { errors } = await h.execute(`mutation { updateProject(input: ${input}) { id } }`);
      expect(errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
      expect(errors![0].message).toContain(message);
    }
    expect(h.sim.log.count()).toBe(0);
  });

  it('should follow a configured projects path', async () => {
    const moved = await startHarness({ env: { QUEC_PATH_PROJECTS: '/v2/moved/project' } });
    try {
      const { errors } = await moved.execute('{ projects(first: 1) { totalCount } }');
      // The simulator serves no such path: the family is reported unconfirmed, naming the variable that moved it.
      expect(errors![0].extensions).toMatchObject({ code: 'UPSTREAM_UNCONFIRMED' });
      expect(errors![0].message).toContain('QUEC_PATH_PROJECTS');
      expect(moved.sim.log.entries()[moved.sim.log.count() - 1].path).toBe('/v2/moved/project/overview');
    } finally {
      await moved.close();
    }
  });
});

describe('device groups', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ env: WIDE_COST_BUDGET });
  });
  afterAll(() => h.close());

  const admin = () => h.sim.store.admin;

  it('should walk the nested group tree with parents, children and devices', async () => {
    const roots = admin()
      .groups()
      .filter((g) => g.parentId === null);
    const { data, errors } = await h.execute<{
      deviceGroups: {
        totalCount: number;
        edges: Array<{
          node: {
            id: string;
            parent: unknown;
            children: {
              edges: Array<{
                node: { id: string; parent: { id: string }; children: { edges: Array<{ node: { devices: { totalCount: number } } }> } };
              }>;
            };
          };
        }>;
      };
    }>(
      '{ deviceGroups(parentId: null, first: 50) { totalCount edges { node { id name parent { id } children(first: 10) { edges { node { id parent { id } children(first: 10) { edges { node { name devices(first: 5) { totalCount edges { node { productKey deviceKey name } } } } } } } } } } } } }',
    );
    expect(errors).toBeUndefined();
    expect(data!.deviceGroups.totalCount).toBe(admin().groups().length);
    const root = data!.deviceGroups.edges.find((e) => e.node.id === String(roots[0].id))!.node;
    expect(root.parent).toBeNull();
    expect(root.children.edges.length).toBeGreaterThan(0);
    for (const child of root.children.edges) expect(child.node.parent.id).toBe(root.id);
    const leafDevices = root.children.edges.flatMap((c) => c.node.children.edges).map((g) => g.node.devices.totalCount);
    expect(leafDevices.some((n) => n > 0)).toBe(true);
  });

  it("should list a device's groups", async () => {
    const device = h.sim.store.devices().find((d) => d.groupIds.length === 2)!;
    const { data, errors } = await h.execute<{ device: { groups: { edges: Array<{ node: { id: string } }> } } }>(
      'query($p: String!, $d: String!) { device(productKey: $p, deviceKey: $d) { groups(first: 10) { edges { node { id name } } } } }',
      { p: device.productKey, d: device.deviceKey },
    );
    expect(errors).toBeUndefined();
    expect(data!.device.groups.edges.map((e) => Number(e.node.id)).sort()).toEqual([...device.groupIds].sort());
  });

  it('should create, update and delete a group', async () => {
    const parent = admin().groups()[0];
    const created = await h.execute<{ createDeviceGroup: { id: string; name: string; parent: { id: string } } }>(
      'mutation($p: ID) { createDeviceGroup(input: { name: "Lab", parentId: $p, manager: "QA" }) { id name manager parent { id } } }',
      { p: String(parent.id) },
    );
    expect(created.errors).toBeUndefined();
    const id = created.data!.createDeviceGroup.id;
    expect(created.data!.createDeviceGroup.parent).toEqual({ id: String(parent.id) });
    const dupe = await h.execute('mutation($p: ID) { createDeviceGroup(input: { name: "Lab", parentId: $p }) { id } }', { p: String(parent.id) });
    expect(dupe.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', upstream: { code: 5304 } });
    const updated = await h.execute<{ updateDeviceGroup: { name: string } }>(
      'mutation($id: ID!) { updateDeviceGroup(input: { id: $id, name: "Lab 2" }) { name } }',
      { id },
    );
    expect(updated.data!.updateDeviceGroup.name).toBe('Lab 2');
    expect((await h.execute('mutation($id: ID!) { deleteDeviceGroup(id: $id) }', { id })).data).toEqual({ deleteDeviceGroup: id });
    expect((await h.execute('query($id: ID!) { deviceGroup(id: $id) { id } }', { id })).data).toEqual({ deviceGroup: null });
    const parentDelete = await h.execute('mutation($id: ID!) { deleteDeviceGroup(id: $id) }', { id: String(parent.id) });
    expect(parentDelete.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', upstream: { code: 5310 } });
  });

  it('should add and remove devices in batches of 100', async () => {
    const group = admin().groups()[0];
    const devices = h.sim.store
      .devices()
      .filter((d) => h.sim.store.product(d.productKey)!.authorized)
      .slice(0, 250)
      .map((d) => ({ productKey: d.productKey, deviceKey: d.deviceKey }));
    h.sim.log.clear();
    const added = await h.execute<{ addDevicesToGroup: { deviceCount: number; upstreamCalls: number; group: { deviceCount: number } } }>(
      'mutation($i: GroupDevicesInput!) { addDevicesToGroup(input: $i) { deviceCount upstreamCalls group { deviceCount } } }',
      { i: { groupId: String(group.id), devices: [...devices, devices[0]] } },
    );
    expect(added.errors).toBeUndefined();
    expect(added.data!.addDevicesToGroup).toMatchObject({ deviceCount: 250, upstreamCalls: 3 });
    expect(h.sim.log.count('group.addDevices')).toBe(3);
    expect(admin().groupDevices(group.id).length).toBeGreaterThanOrEqual(250);
    const removed = await h.execute<{ removeDevicesFromGroup: { upstreamCalls: number } }>(
      'mutation($i: GroupDevicesInput!) { removeDevicesFromGroup(input: $i) { upstreamCalls } }',
      { i: { groupId: String(group.id), devices } },
    );
    expect(removed.data!.removeDevicesFromGroup.upstreamCalls).toBe(3);
    const again = await h.execute('mutation($i: GroupDevicesInput!) { removeDevicesFromGroup(input: $i) { upstreamCalls } }', {
      i: { groupId: String(group.id), devices: devices.slice(0, 1) },
    });
    expect(again.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', upstream: { code: 5337 } });
  });

  it('should validate group input before any upstream call', async () => {
    h.sim.log.clear();
    const cases = [
      ['mutation { createDeviceGroup(input: { name: "" }) { id } }', 'name must not be empty'],
      ['mutation { createDeviceGroup(input: { name: "x", parentId: "abc" }) { id } }', 'id must be'],
      ['mutation { addDevicesToGroup(input: { groupId: "9100", devices: [] }) { deviceCount } }', 'devices must not be empty'],
      [
        'mutation { addDevicesToGroup(input: { groupId: "9100", devices: [{ productKey: "bad key", deviceKey: "d" }] }) { deviceCount } }',
        'productKey must be',
      ],
      ['mutation { controlDeviceGroup(input: { groupId: "9100", type: PROPERTY, data: "not json" }) { id } }', 'JSON'],
      ['mutation { updateDeviceGroup(input: { id: "9100" }) { id } }', 'Nothing to change'],
    ];
    for (const [query, message] of cases) {
      const { errors } = await h.execute(query);
      expect(errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
      expect(errors![0].message).toContain(message);
    }
    expect(h.sim.log.count()).toBe(0);
  });

  it('should run a group control task and report its status', async () => {
    const group = admin()
      .groups()
      .find((g) => admin().groupDevices(g.id).length > 0)!;
    const { data, errors } = await h.execute<{ controlDeviceGroup: { id: string; status: string; total: number } }>(
      'mutation($g: ID!) { controlDeviceGroup(input: { groupId: $g, type: PROPERTY, data: "{\\"switch\\":true}" }) { id status total succeeded failed } }',
      { g: String(group.id) },
    );
    expect(errors).toBeUndefined();
    expect(data!.controlDeviceGroup).toMatchObject({ status: 'FINISHED', total: admin().groupDevices(group.id).length });
    const listed = await h.execute<{ deviceGroup: { controlTasks: { edges: Array<{ node: { id: string } }> } } }>(
      'query($g: ID!) { deviceGroup(id: $g) { controlTasks(first: 5) { totalCount edges { node { id status } } } } }',
      { g: String(group.id) },
    );
    expect(listed.data!.deviceGroup.controlTasks.edges[0].node.id).toBe(data!.controlDeviceGroup.id);
    const task = await h.execute<{ deviceGroupTask: { status: string } }>('query($id: ID!) { deviceGroupTask(id: $id) { status } }', {
      id: data!.controlDeviceGroup.id,
    });
    expect(task.data!.deviceGroupTask.status).toBe('FINISHED');
  });

  it('should resolve many DeviceGroup representations from the group list', async () => {
    const groups = admin().groups().slice(0, 6);
    h.sim.log.clear();
    const { data, errors } = await h.execute<{ _entities: Array<{ id: string; name: string } | null> }>(
      'query($r: [_Any!]!) { _entities(representations: $r) { ... on DeviceGroup { id name } } }',
      { r: [...groups.map((g) => ({ __typename: 'DeviceGroup', id: String(g.id) })), { __typename: 'DeviceGroup', id: '1' }] },
    );
    expect(errors).toBeUndefined();
    expect(data!._entities).toEqual([...groups.map((g) => ({ id: String(g.id), name: g.name })), null]);
    expect(h.sim.log.counters()).toEqual({ 'group.list': 1 });
  });

  it('should resolve one or two DeviceGroup representations by detail', async () => {
    const [g] = admin().groups();
    h.sim.log.clear();
    const { data } = await h.execute<{ _entities: Array<{ name: string } | null> }>(
      'query($r: [_Any!]!) { _entities(representations: $r) { ... on DeviceGroup { name } } }',
      {
        r: [
          { __typename: 'DeviceGroup', id: String(g.id) },
          { __typename: 'DeviceGroup', id: String(g.id) },
        ],
      },
    );
    expect(data!._entities).toEqual([{ name: g.name }, { name: g.name }]);
    expect(h.sim.log.counters()).toEqual({ 'group.info': 1 });
  });
});
