import { productOf } from './support/seed-lookup';
import { PATHS } from './support/sim-client';
import { signedSession } from './support/signed-session';

describe('TSL export', () => {
  const session = signedSession('');
  const exportTsl = (query: Record<string, string | number>) => session.send('GET', PATHS.tsl, { query });

  it('should return the product TSL document in the §8 format', async () => {
    const meter = productOf(session.sim, 'meter');
    const { body } = await exportTsl({ productKey: meter.productKey });
    expect(body.code).toBe(200);
    expect(body.msg).toBe('OK');
    expect(Object.keys(body.data)).toEqual(['profile', 'properties', 'events', 'services']);
    expect(body.data.profile).toEqual({ tslVersion: '1.2.0', productKey: meter.productKey, version: expect.stringMatching(/^\d{17}$/) });
    expect(body.data).toEqual(meter.tsl);
  });

  it('should render BOOL specs as an option array and numeric constraints as strings', async () => {
    const { body } = await exportTsl({ productKey: productOf(session.sim, 'meter').productKey });
    const byCode = Object.fromEntries(body.data.properties.map((p: { code: string }) => [p.code, p]));
    expect(byCode.switch).toEqual({
      id: 5,
      code: 'switch',
      name: 'Relay switch',
      type: 'PROPERTY',
      subType: 'RW',
      dataType: 'BOOL',
      specs: [
        { dataType: 'BOOL', name: 'Closed', value: 'true' },
        { dataType: 'BOOL', name: 'Open', value: 'false' },
      ],
      sort: 5,
      desc: '',
    });
    expect(byCode.voltage.specs).toEqual({ min: '0', max: '300', step: '0.1', unit: 'V', multiple: '' });
    expect(byCode.daily_energy.specs).toEqual({ size: '7', dataType: 'INT', numberSpecs: { min: '0', max: '1000000', step: '1' } });
  });

  it('should carry $ref parameters in events and services', async () => {
    const { body } = await exportTsl({ productKey: productOf(session.sim, 'meter').productKey });
    const outage = body.data.events.find((e: { code: string }) => e.code === 'power_outage');
    expect(outage.outputData).toEqual([{ $ref: '#/properties/id/8' }]);
    const relay = body.data.services.find((s: { code: string }) => s.code === 'relay_control');
    expect(relay.inputData).toEqual([{ $ref: '#/properties/id/5' }]);
  });

  it('should omit empty feature arrays', async () => {
    const probe = productOf(session.sim, 'temperature-probe');
    const { body } = await exportTsl({ productKey: probe.productKey });
    expect(body.data).not.toHaveProperty('services');
    expect(body.data.events).toHaveLength(1);
  });

  it('should look the product up by productId, which wins over productKey', async () => {
    const plug = productOf(session.sim, 'plug');
    const meter = productOf(session.sim, 'meter');
    const { body } = await exportTsl({ productId: plug.productId, productKey: meter.productKey });
    expect(body.data.profile.productKey).toBe(plug.productKey);
  });

  it('should accept the language parameter', async () => {
    expect((await exportTsl({ productKey: productOf(session.sim, 'plug').productKey, language: 'EN' })).body.code).toBe(200);
  });

  it('should answer 50006 when neither productKey nor productId is given', async () => {
    expect((await exportTsl({})).body).toEqual({ code: 50006, msg: 'The productID or productKey is empty.' });
  });

  it('should answer 50005 for a non-numeric productId', async () => {
    expect((await exportTsl({ productId: 'abc' })).body.code).toBe(50005);
  });

  it('should answer 70017 for an unknown product', async () => {
    expect((await exportTsl({ productKey: 'p1none' })).body.code).toBe(70017);
    expect((await exportTsl({ productId: 1 })).body.code).toBe(70017);
  });

  it('should answer 70089 for the unauthorized product', async () => {
    expect((await exportTsl({ productKey: productOf(session.sim, 'tracker').productKey })).body.code).toBe(70089);
  });

  it('should answer 70097 for the transparent product, which has no thing model', async () => {
    const water = productOf(session.sim, 'water-meter');
    expect(water.dataFmt).toBe(0);
    expect((await exportTsl({ productKey: water.productKey })).body).toEqual({ code: 70097, msg: 'The TSL model of the selected product is empty.' });
  });
});
