import { REDACTED, Sanitiser } from '../../scripts/doctor/sanitise';

const JWT = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMzU4NDAzOTU1ODcwNzIwIiwiZXhwIjoxNzY0NjY4MDAwfQ.3q2-7wZxYb1c9KfPp0Zk4rW8yV6nLm2sTq1uXe5aBcD';
const QJWT = `QJWT ${JWT}`;
const ACCESS_KEY = '31c8qimuLs7bT2Vk9Xw4RaEy';
const ACCESS_SECRET = '8Jd2LxQw7PzR4mNc9VbT3kYs6HfG1aEoU5iWqZtB';

/** Everything that must not survive, in any of the shapes below. */
const SENSITIVE = [
  JWT,
  ACCESS_KEY,
  ACCESS_SECRET,
  'smtp-pa55word',
  'alice@example.com',
  'Bob.Smith+iot@mail.example.co.uk',
  '+49 170 1234567',
  '13812345678',
  '555-123-4567',
  'Alice Wonder',
  'Zhang Wei',
  '12 Baker Street',
  'wx-app-secret-9f8e7d',
];

const sanitiser = () => new Sanitiser({ knownSecrets: [ACCESS_KEY, ACCESS_SECRET] });

function expectClean(value: unknown): string {
  const text = JSON.stringify(value);
  for (const secret of SENSITIVE) expect({ survived: secret, in: text.includes(secret) }).toEqual({ survived: secret, in: false });
  return text;
}

describe('Sanitiser', () => {
  it('should remove the login answer token, however the key is spelled', () => {
    const out = sanitiser().sanitise({
      code: 200,
      access_token: QJWT,
      Access_Token: QJWT,
      'refresh-token': JWT,
      accessToken: QJWT,
      AUTHORIZATION: QJWT,
      token_type: 'QJWT',
      expires_in: 7200,
    }) as Record<string, unknown>;
    expectClean(out);
    expect(out.access_token).toBe(REDACTED.token);
    expect(out.expires_in).toBe(7200);
    expect(out.code).toBe(200);
  });

  it('should remove the signed login query: username, password and the access key inside them', () => {
    const out = sanitiser().sanitise({
      grant_type: 'password',
      username: `ver=1&auth_mode=accessKey&sign_method=sha256&access_key=${ACCESS_KEY}&timestamp=1764668000000`,
      password: '34fe8698aa5b5f4c4e0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0dfed1',
    }) as Record<string, unknown>;
    expectClean(out);
    expect(out).toEqual({ grant_type: 'password', username: REDACTED.name, password: REDACTED.secret });
  });

  it('should remove secrets, e-mails, phones and names nested in arrays of objects of an envelope', () => {
    const answer = {
      code: 200,
      data: {
        total: 2,
        list: [
          {
            uid: 'u-1',
            nickName: 'Alice Wonder',
            phone: '+49 170 1234567',
            email: 'alice@example.com',
            address: '12 Baker Street',
            registerTime: '1764668000000',
          },
          { uid: 'u-2', userName: 'Zhang Wei', Mobile: 13812345678, EMAIL_ADDRESS: 'Bob.Smith+iot@mail.example.co.uk' },
        ],
      },
    };
    const out = sanitiser().sanitise(answer) as { data: { list: Array<Record<string, unknown>> } };
    expectClean(out);
    expect(out.data.list[0]).toEqual({
      uid: 'u-1',
      nickName: REDACTED.name,
      phone: REDACTED.phone,
      email: REDACTED.email,
      address: REDACTED.address,
      registerTime: '1764668000000',
    });
    expect(out.data.list[1].Mobile).toBe(REDACTED.phone);
  });

  it('should find e-mails, phones and tokens in values of unexpected keys, and in free text', () => {
    const out = sanitiser().sanitise({
      remark: 'call 13812345678 or +49 170 1234567, mail alice@example.com',
      extend: 'owner: Bob.Smith+iot@mail.example.co.uk / 555-123-4567',
      msg: `token ${QJWT} rejected`,
      debug: `Bearer ${JWT}`,
      note: `key ${ACCESS_KEY} secret ${ACCESS_SECRET}`,
    });
    const text = expectClean(out);
    expect(text).toContain(`call ${REDACTED.phone} or ${REDACTED.phone}, mail ${REDACTED.email}`);
    expect(text).toContain(REDACTED.token);
  });

  it('should remove a credential under a container key, every leaf of it, at any depth', () => {
    const out = sanitiser().sanitise({
      a: { b: [{ c: { credentials: { user: 'x', pass: 'smtp-pa55word', nested: ['wx-app-secret-9f8e7d'] } } }] },
      appSecret: 'wx-app-secret-9f8e7d',
      smtp: { Password: 'smtp-pa55word', enabled: true },
      phones: ['01701234567', { value: '555-123-4567' }],
    }) as Record<string, any>;
    expectClean(out);
    expect(out.smtp).toEqual({ Password: REDACTED.secret, enabled: true });
    expect(out.phones).toEqual([REDACTED.phone, { value: REDACTED.phone }]);
    expect(out.a.b[0].c.credentials.user).toBe(REDACTED.secret);
  });

  it('should sanitise a JSON document carried as a string (thing-model data, push payloads)', () => {
    const data = JSON.stringify({ accessToken: QJWT, contact: { email: 'alice@example.com' }, temperature: 21.5 });
    const out = sanitiser().sanitise({ data, list: JSON.stringify([{ mobile: '13812345678' }]) }) as { data: string; list: string };
    expectClean(out);
    expect(JSON.parse(out.data)).toEqual({ accessToken: REDACTED.token, contact: { email: REDACTED.email }, temperature: 21.5 });
    expect(JSON.parse(out.list)).toEqual([{ mobile: REDACTED.phone }]);
  });

  it('should sanitise a JSON document carried as base64 (device payloads) and keep other base64 as it is', () => {
    const payload = Buffer.from(
      JSON.stringify([{ id: 1, value: 21.5 }, { id: 2, value: 'alice@example.com' }, { ownerPhone: '13812345678' }]),
    ).toString('base64');
    const opaque = Buffer.from('raw binary frame 0x01 0x02').toString('base64');
    const out = sanitiser().sanitise({ data: payload, raw: opaque }) as { data: string; raw: string };
    expect(JSON.parse(Buffer.from(out.data, 'base64').toString('utf8'))).toEqual([
      { id: 1, value: 21.5 },
      { id: 2, value: REDACTED.email },
      { ownerPhone: REDACTED.phone },
    ]);
    expect(out.raw).toBe(opaque);
  });

  it('should scrub object keys that are themselves e-mails or phones without losing an entry', () => {
    const out = sanitiser().sanitise({
      'alice@example.com': { role: 1 },
      'Bob.Smith+iot@mail.example.co.uk': { role: 2 },
      '13812345678': 3,
    }) as Record<string, unknown>;
    expectClean(out);
    expect(Object.keys(out)).toEqual([REDACTED.email, `${REDACTED.email}#2`, REDACTED.phone]);
  });

  it('should keep what a replay fixture needs: keys, timestamps, IMEIs, product names, numbers and booleans', () => {
    const device = {
      productKey: 'p1awgC',
      productName: 'Smart Meter M300',
      deviceKey: '861237040287837',
      deviceStatus: 1,
      isActived: true,
      createTime: 1730871606221,
      activedTime: '1730871606221',
      sn: 'SN0001',
      lat: '31.2304',
      ticket: '6b8f1f3e2c0a4d7e',
      queueName: 'a.1358403955870720.farm',
    };
    expect(sanitiser().sanitise(device)).toEqual(device);
  });

  it('should cut long arrays to maxArrayItems and stop at absurd depth', () => {
    const rows = Array.from({ length: 50 }, (_, i) => ({ id: i }));
    expect((new Sanitiser({ maxArrayItems: 3 }).sanitise({ data: rows }) as { data: unknown[] }).data).toEqual([{ id: 0 }, { id: 1 }, { id: 2 }]);
    let deep: unknown = { secret: 'x' };
    for (let i = 0; i < 100; i++) deep = { next: deep };
    expect(JSON.stringify(new Sanitiser().sanitise(deep))).not.toContain('"x"');
  });
});
