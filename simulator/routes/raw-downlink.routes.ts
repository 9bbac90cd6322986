import { BusinessError } from '../http/business-error';
import { bodyObject, optionalString, requiredArray } from '../http/body-fields';
import { single } from '../http/envelope';
import { downlinkMessages } from '../push/downlink-messages';
import type { RouteDefinition } from '../router';
import { deliver } from './downlink.delivery';
import { readDownlinkOptions } from './downlink.request';

const MAX_PAYLOAD_CHARS = 4096;
const HEX = /^[0-9A-Fa-f]+$/;

/**
 * §6.5 raw/sendData. `devices` are `{productKey, deviceKey}` objects and may span products, so product
 * problems are per-device results: unknown product 70130, unauthorized 70089 [INFERRED]. TSL products accept
 * raw packets too (the reference is silent) [INFERRED]. `encode` must be exactly "Hex" (0-9A-Fa-f, even length)
 * or "Text", and `data` at most 4096 characters; anything else answers 50005 and sends nothing.
 */
const sendRaw: RouteDefinition = {
  endpoint: 'raw.sendData',
  methods: ['POST'],
  path: '/v2/deviceshadow/r3/openapi/raw/sendData',
  envelope: 'A',
  authenticated: true,
  async handle({ body: raw }, { store, clock, push }) {
    const body = bodyObject(raw);
    const targets = requiredArray(body, 'devices', 50007).map((entry) => {
      if (entry === null || typeof entry !== 'object' || Array.isArray(entry)) throw new BusinessError(50005);
      const productKey = optionalString(entry as Record<string, unknown>, 'productKey');
      const deviceKey = optionalString(entry as Record<string, unknown>, 'deviceKey');
      if (!productKey || !deviceKey) throw new BusinessError(50007);
      return { productKey, deviceKey };
    });
    const payload = packet(optionalString(body, 'encode'), optionalString(body, 'data'));
    const options = readDownlinkOptions(body);
    const now = clock.now();
    const base64 = payload.toString('base64');
    const command = { cmd: null, dmData: null, raw: base64, announce: { kind: 'raw' as const, raw: base64 } };
    const results = targets.map(({ productKey, deviceKey }) =>
      deliver(store, store.product(productKey), productKey, deviceKey, options, command, now),
    );
    await push.emit((ids) => downlinkMessages(store, command.announce, results, now, ids));
    return single(results);
  },
};

function packet(encode: string | undefined, data: string | undefined): Buffer {
  if (data === undefined || data === '' || data.length > MAX_PAYLOAD_CHARS) throw new BusinessError(50005);
  if (encode === 'Text') return Buffer.from(data, 'utf8');
  if (encode === 'Hex' && HEX.test(data) && data.length % 2 === 0) return Buffer.from(data, 'hex');
  throw new BusinessError(50005);
}

export const rawDownlinkRoutes: readonly RouteDefinition[] = [sendRaw];
