import { TokenCipher } from '../../src/auth/token-cipher';

const key = Buffer.alloc(32, 7);

describe('TokenCipher', () => {
  it('should open what it sealed, under the same context', () => {
    const cipher = new TokenCipher(key);
    expect(cipher.open(cipher.seal('QJWT secret.token', 'upstream-token'), 'upstream-token')).toBe('QJWT secret.token');
  });

  it('should not contain the plain text and should differ on every write (random IV)', () => {
    const cipher = new TokenCipher(key);
    const a = cipher.seal('QJWT secret.token', 'k');
    const b = cipher.seal('QJWT secret.token', 'k');
    expect(a).not.toContain('secret');
    expect(Buffer.from(a.slice(3), 'base64').toString('latin1')).not.toContain('secret');
    expect(a).not.toBe(b);
  });

  it('should open a tampered value, another key, another context or junk to undefined', () => {
    const cipher = new TokenCipher(key);
    const sealed = cipher.seal('QJWT secret.token', 'k');
    const raw = Buffer.from(sealed.slice(3), 'base64');
    raw[raw.length - 1] ^= 1;
    expect(cipher.open(`v1.${raw.toString('base64')}`, 'k')).toBeUndefined();
    expect(new TokenCipher(Buffer.alloc(32, 8)).open(sealed, 'k')).toBeUndefined();
    expect(cipher.open(sealed, 'other')).toBeUndefined();
    for (const junk of [undefined, null, 42, {}, '', 'v1.', 'v1.AAAA', `v2.${sealed.slice(3)}`, { accessToken: 'QJWT x' }]) {
      expect(cipher.open(junk, 'k')).toBeUndefined();
    }
  });

  it('should derive the same key from the same access secret, and another from another', () => {
    const sealed = TokenCipher.fromAccessSecret('secret-a').seal('t', 'k');
    expect(TokenCipher.fromAccessSecret('secret-a').open(sealed, 'k')).toBe('t');
    expect(TokenCipher.fromAccessSecret('secret-b').open(sealed, 'k')).toBeUndefined();
  });

  it('should refuse a key that is not 32 bytes', () => {
    expect(() => new TokenCipher(Buffer.alloc(16))).toThrow(RangeError);
  });
});
