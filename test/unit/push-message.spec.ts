import { parsePushMessage, pushMessageTypeOf, type PushMessage } from '../../src/push/push-message';
import { toPushedDeviceMessage } from '../../src/resolvers/messaging/push-message.mapper';
import { MessageType } from '../../src/schema/messaging/message-type.enum';
import { PushMessageType, SUBSCRIPTION_TYPE_OF, pushTypesOf } from '../../src/schema/messaging/push-message-type.enum';
import { TICKETLESS_MESSAGES } from '../fixtures/vendor-push-messages';

/** The §9.3 examples, verbatim. */
const EXAMPLES = {
  online:
    '{"productKey":"p12345","deviceKey":"1234567890","type":"ONLINE","createdAt":1609316592000,"ticket":"5f9924d171977c33bc5ad1b1","gateway":{"productKey":"p12344","deviceKey":"1234567891"},"data":{"value":1}}',
  report:
    '{"productKey":"p111KY","deviceKey":"1234567890123","type":"MATTR","subtype":"REPORT","createdAt":1609316592000,"ticket":"5f9924d171977c33bc5ad1b1","extData":{"occurredAt":"1652433712899"},"data":{"packetId":5,"kv":{"numberKey":"10.2","boolKey":true,"enumKey":"1"}}}',
  reqack:
    '{"productKey":"p12345","deviceKey":"1234567890","type":"REQACK","createdAt":1609316592000,"ticket":"23924d171977c121325ad1bf","data":{"sentAt":1609316592000,"status":"succ"}}',
  warn: '{"productKey":"p111KY","deviceKey":"1234567890123","type":"MEVENT","subtype":"WARN","createdAt":1609316592000,"ticket":"5f9924d171977c33bc5ad1b1","data":{"packetId":3,"code":"event_code3","kv":{"numberKey":"10.3","boolKey":true}}}',
  deviceUpdate:
    '{"productKey":"p11376","deviceKey":"132456","type":"META_EVENT","subtype":"DEVICE","operation":"UPDATE","createdAt":1616375484482,"ticket":"1032330579905388544","data":{"deviceName":{"old":"a","new":"b"}}}',
  bind: '{"type":"ENDUSER","subtype":"USER-BIND","deviceKey":"132456","productKey":"p11376","deviceName":"device","createdAt":1616375484482,"ticket":"23924d171977c121325ad1bf","data":{"endUserId":"11376","endUserDomain":"C.DM.5715.1","value":1}}',
  userDelete:
    '{"ticket":"b18be821-5045-4467-801d-ca68c302dc3d","type":"ENDUSER","subtype":"USER-DELETE","createdAt":1642471712433,"data":{"endUserId":"C1","endUserDomain":"C.DM.1.15"}}',
};

function parsed(body: string | Buffer): PushMessage {
  const result = parsePushMessage(body);
  if (!result.ok) throw new Error(`expected a message, got: ${result.reason}`);
  return result.message;
}

describe('parsePushMessage', () => {
  it('should read the common fields of a relayed ONLINE message', () => {
    expect(parsed(Buffer.from(EXAMPLES.online, 'utf8'))).toEqual({
      type: PushMessageType.ONLINE,
      platformType: 'ONLINE',
      platformSubtype: null,
      operation: null,
      ticket: '5f9924d171977c33bc5ad1b1',
      productKey: 'p12345',
      deviceKey: '1234567890',
      gateway: { productKey: 'p12344', deviceKey: '1234567891' },
      createdAt: 1609316592000,
      occurredAt: null,
      data: { value: 1 },
      extra: null,
    });
  });

  it('should take extData.occurredAt (a ms string) as the device time', () => {
    const message = parsed(EXAMPLES.report);
    expect(message).toMatchObject({
      type: PushMessageType.PROPERTY_REPORT,
      occurredAt: 1652433712899,
      data: { packetId: 5, kv: { numberKey: '10.2' } },
    });
  });

  it('should keep operation and the kind-specific top-level fields', () => {
    expect(parsed(EXAMPLES.deviceUpdate)).toMatchObject({ type: PushMessageType.DEVICE_LIFECYCLE, operation: 'UPDATE', extra: null });
    expect(parsed(EXAMPLES.bind)).toMatchObject({ type: PushMessageType.END_USER_BINDING, extra: { deviceName: 'device' } });
  });

  it('should accept messages that name no device', () => {
    expect(parsed(EXAMPLES.userDelete)).toMatchObject({ type: PushMessageType.END_USER_DELETED, productKey: null, deviceKey: null, gateway: null });
  });

  it('should accept a null data (META_EVENT RESET) and a numeric ticket', () => {
    const body = {
      type: 'META_EVENT',
      subtype: 'DEVICE',
      operation: 'RESET',
      productKey: 'p1',
      deviceKey: 'd1',
      createdAt: 1,
      ticket: 1032330579905,
      data: null,
    };
    expect(parsed(JSON.stringify(body))).toMatchObject({ data: null, ticket: '1032330579905' });
  });

  describe('the vendor examples that carry no ticket', () => {
    it.each([
      ['productAdd', PushMessageType.PRODUCT_CHANGE, 'ADD', 'p00001'],
      ['productUpdate', PushMessageType.PRODUCT_CHANGE, 'UPDATE', 'p00001'],
      ['thingModelRelease', PushMessageType.THING_MODEL_RELEASE, 'RELEASE', 'p11374'],
      ['productAuthorized', PushMessageType.PRODUCT_AUTHORIZATION, 'AUTH', 'p119Cx'],
      ['userDomainAuthorized', PushMessageType.USER_DOMAIN_AUTHORIZATION, 'AUTH', null],
      ['ruleNotice', PushMessageType.RULE_NOTICE, null, null],
    ] as const)('should deliver %s as %s with a null ticket', (name, type, operation, productKey) => {
      const message = parsed(TICKETLESS_MESSAGES[name]);
      expect(message).toMatchObject({ type, operation, productKey, deviceKey: null, ticket: null });
      expect(message.createdAt).toBe(JSON.parse(TICKETLESS_MESSAGES[name]).createdAt);
    });

    it('should keep the kind-specific top-level fields of a product change in extra', () => {
      expect(parsed(TICKETLESS_MESSAGES.productAdd).extra).toEqual({ operator: 1, operatorType: 1 });
      expect(parsed(TICKETLESS_MESSAGES.userDomainAuthorized).extra).toEqual({ userDomain: 'C.DM.5503.34', userDomainId: 12345645656456 });
    });

    it("should keep a rule notice's traceId in extra and the triggering message in data", () => {
      const notice = parsed(TICKETLESS_MESSAGES.ruleNotice);
      expect(notice.extra).toEqual({ traceId: '1228299096116822016' });
      expect(notice.data).toMatchObject({ raw: { ticket: '1228217775206039552', deviceKey: '8686202300000001' } });
    });

    it('should give the GraphQL object a null ticket and no device', () => {
      const pushed = toPushedDeviceMessage({ message: parsed(TICKETLESS_MESSAGES.thingModelRelease), droppedBefore: 0 });
      expect(pushed).toMatchObject({ ticket: null, device: null, productKey: 'p11374', createdAt: new Date(1616375484482) });
    });
  });

  it.each([
    ['not JSON', '{"type":', 'body is not JSON'],
    ['an array', '[1,2]', 'body must be a JSON object'],
    ['no type', JSON.stringify({ ticket: 't', createdAt: 1, data: {} }), 'type must be a non-empty string'],
    ['an empty ticket', JSON.stringify({ type: 'ONLINE', ticket: '', createdAt: 1, data: {} }), 'ticket must be a non-empty string'],
    ['an object ticket', JSON.stringify({ type: 'ONLINE', ticket: { id: 1 }, createdAt: 1, data: {} }), 'ticket must be a non-empty string'],
    ['createdAt as text', JSON.stringify({ type: 'ONLINE', ticket: 't', createdAt: 'yesterday', data: {} }), 'createdAt must be epoch milliseconds'],
    ['a fractional createdAt', JSON.stringify({ type: 'ONLINE', ticket: 't', createdAt: 1.5, data: {} }), 'createdAt must be epoch milliseconds'],
    [
      'a numeric productKey',
      JSON.stringify({ type: 'ONLINE', ticket: 't', createdAt: 1, productKey: 7, data: {} }),
      'productKey must be a string when present',
    ],
    ['data as a string', JSON.stringify({ type: 'ONLINE', ticket: 't', createdAt: 1, data: 'x' }), 'data must be a JSON object'],
    [
      'a gateway without deviceKey',
      JSON.stringify({ type: 'ONLINE', ticket: 't', createdAt: 1, gateway: { productKey: 'p' } }),
      'gateway.deviceKey must be a non-empty string',
    ],
    [
      'a bad occurredAt',
      JSON.stringify({ type: 'ONLINE', ticket: 't', createdAt: 1, extData: { occurredAt: 'soon' } }),
      'extData.occurredAt must be epoch milliseconds',
    ],
  ])('should refuse %s with a reason that names the field', (_name, body, reason) => {
    expect(parsePushMessage(body)).toEqual({ ok: false, reason });
  });

  it('should never quote the body in its reason', () => {
    const result = parsePushMessage(JSON.stringify({ type: 'ONLINE', ticket: 'secret-ticket-value', createdAt: 'secret-time', data: {} }));
    expect(result.ok).toBe(false);
    expect(JSON.stringify(result)).not.toMatch(/secret/);
  });
});

describe('pushMessageTypeOf', () => {
  it.each([
    ['ONLINE', null, PushMessageType.ONLINE],
    ['STATUS', null, PushMessageType.STATUS],
    ['RAW', 'UPLINK', PushMessageType.RAW_UPLINK],
    ['RAW', 'DOWNLINK', PushMessageType.RAW_DOWNLINK],
    ['REQACK', null, PushMessageType.COMMAND_ACK],
    ['MATTR', 'READ', PushMessageType.PROPERTY_READ],
    ['MATTR', 'READRESP', PushMessageType.PROPERTY_READ_RESPONSE],
    ['MATTR', 'WRITE', PushMessageType.PROPERTY_WRITE],
    ['MATTR', 'REPORT', PushMessageType.PROPERTY_REPORT],
    ['MEVENT', 'INFO', PushMessageType.EVENT_INFO],
    ['MEVENT', 'WARN', PushMessageType.EVENT_WARN],
    ['MEVENT', 'ERROR', PushMessageType.EVENT_ERROR],
    ['MSERV', 'INPUT', PushMessageType.SERVICE_INPUT],
    ['MSERV', 'OUTPUT', PushMessageType.SERVICE_OUTPUT],
    ['LOCATION', 'QUERY', PushMessageType.LOCATION_QUERY],
    ['LOCATION', 'MODE', PushMessageType.LOCATION_MODE],
    ['LOCATION', 'INFO-RAW', PushMessageType.LOCATION_RAW],
    ['LOCATION', 'INFO-KV', PushMessageType.LOCATION_PARSED],
    ['ENDUSER', 'USER-BIND', PushMessageType.END_USER_BINDING],
    ['ENDUSER', 'USER-ADD', PushMessageType.END_USER_ADDED],
    ['ENDUSER', 'USER-UPDATE', PushMessageType.END_USER_UPDATED],
    ['ENDUSER', 'USER-DELETE', PushMessageType.END_USER_DELETED],
    ['META_EVENT', 'DEVICE', PushMessageType.DEVICE_LIFECYCLE],
    ['META_EVENT', 'PRODUCT', PushMessageType.PRODUCT_CHANGE],
    ['META_EVENT', 'THING_MODEL', PushMessageType.THING_MODEL_RELEASE],
    ['META_EVENT', 'GRANT_AUTHORIZED', PushMessageType.PRODUCT_AUTHORIZATION],
    ['META_EVENT', 'GRANT_USER_DOMAIN', PushMessageType.USER_DOMAIN_AUTHORIZATION],
    ['CEP_RULE', 'NOTICE', PushMessageType.RULE_NOTICE],
  ])('should map %s/%s to %s', (type, subtype, expected) => {
    expect(pushMessageTypeOf(type, subtype)).toBe(expected);
  });

  it('should cover every value of the enum but OTHER', () => {
    const mapped = new Set(
      [
        ['ONLINE'],
        ['STATUS'],
        ['REQACK'],
        ['RAW', 'UPLINK'],
        ['RAW', 'DOWNLINK'],
        ['MATTR', 'READ'],
        ['MATTR', 'READRESP'],
        ['MATTR', 'WRITE'],
        ['MATTR', 'REPORT'],
        ['MEVENT', 'INFO'],
        ['MEVENT', 'WARN'],
        ['MEVENT', 'ERROR'],
        ['MSERV', 'INPUT'],
        ['MSERV', 'OUTPUT'],
        ['LOCATION', 'QUERY'],
        ['LOCATION', 'MODE'],
        ['LOCATION', 'INFO-RAW'],
        ['LOCATION', 'INFO-KV'],
        ['ENDUSER', 'USER-BIND'],
        ['ENDUSER', 'USER-ADD'],
        ['ENDUSER', 'USER-UPDATE'],
        ['ENDUSER', 'USER-DELETE'],
        ['META_EVENT', 'DEVICE'],
        ['META_EVENT', 'PRODUCT'],
        ['META_EVENT', 'THING_MODEL'],
        ['META_EVENT', 'GRANT_AUTHORIZED'],
        ['META_EVENT', 'GRANT_USER_DOMAIN'],
        ['CEP_RULE', 'NOTICE'],
      ].map(([type, subtype]) => pushMessageTypeOf(type, subtype ?? null)),
    );
    expect([...mapped].sort()).toEqual(
      Object.values(PushMessageType)
        .filter((v) => v !== PushMessageType.OTHER)
        .sort(),
    );
  });

  it.each([
    ['MATTR', 'DELETE'],
    ['FIRMWARE', 'OTA'],
    ['constructor', null],
    ['toString', null],
  ])('should call %s/%s OTHER rather than fail', (type, subtype) => {
    expect(pushMessageTypeOf(type, subtype)).toBe(PushMessageType.OTHER);
  });
});

describe('toPushedDeviceMessage', () => {
  it('should hand the device and gateway over by key and convert the times', () => {
    const message = parsed(EXAMPLES.online);
    const pushed = toPushedDeviceMessage({ message, droppedBefore: 3 });
    expect(pushed).toEqual({
      type: PushMessageType.ONLINE,
      messageType: 'DEVICE_ONLINE_OFFLINE',
      platformType: 'ONLINE',
      platformSubtype: null,
      operation: null,
      ticket: '5f9924d171977c33bc5ad1b1',
      productKey: 'p12345',
      deviceKey: '1234567890',
      device: { productKey: 'p12345', deviceKey: '1234567890' },
      gateway: { productKey: 'p12344', deviceKey: '1234567891' },
      createdAt: new Date(1609316592000),
      occurredAt: new Date(1609316592000),
      data: { value: 1 },
      extra: null,
      droppedBefore: 3,
      message,
    });
  });

  it('should prefer the device time for occurredAt', () => {
    expect(toPushedDeviceMessage({ message: parsed(EXAMPLES.report), droppedBefore: 0 }).occurredAt).toEqual(new Date(1652433712899));
  });

  it('should give no device for messages without both keys', () => {
    expect(toPushedDeviceMessage({ message: parsed(EXAMPLES.userDelete), droppedBefore: 0 }).device).toBeNull();
  });
});

describe('SUBSCRIPTION_TYPE_OF (the one mapping between PushMessageType and MessageType)', () => {
  it('should name a subscription kind for every pushed kind a subscription can carry, and invert to it', () => {
    for (const kind of Object.values(PushMessageType)) {
      const messageType = SUBSCRIPTION_TYPE_OF[kind];
      if (kind === PushMessageType.RULE_NOTICE || kind === PushMessageType.OTHER) expect(messageType).toBeNull();
      else expect(pushTypesOf(messageType!)).toContain(kind);
    }
    expect(SUBSCRIPTION_TYPE_OF[PushMessageType.COMMAND_ACK]).toBe(MessageType.COMMAND_RESPONSE);
    expect(pushTypesOf(MessageType.PROPERTY).sort()).toEqual(['PROPERTY_READ', 'PROPERTY_READ_RESPONSE', 'PROPERTY_REPORT', 'PROPERTY_WRITE']);
    expect(pushTypesOf(MessageType.DEVICE_CHANGED)).toEqual([PushMessageType.DEVICE_LIFECYCLE]);
  });

  it('should cover every MessageType with at least one pushed kind', () => {
    for (const messageType of Object.values(MessageType)) expect(pushTypesOf(messageType).length).toBeGreaterThan(0);
  });
});
