import { parseApiKeys, scopesOfApiKey } from '../../src/auth/callers/api-keys';
import { secretsEqual } from '../../src/auth/callers/constant-time';

describe('parseApiKeys', () => {
  it('should read key:scope+scope entries', () => {
    expect(parseApiKeys('k1:read, k2:read+control+admin+pii')).toEqual([
      { key: 'k1', scopes: ['read'] },
      { key: 'k2', scopes: ['read', 'control', 'admin', 'pii'] },
    ]);
  });

  it('should refuse an unknown scope, naming the entry but not the key', () => {
    expect(() => parseApiKeys('good-key:read,secret-key:read+root')).toThrow('entry 2: unknown scope "root"');
    expect(() => parseApiKeys('good-key:read,secret-key:read+root')).not.toThrow(/secret-key/);
  });

  it('should refuse an entry without scopes, without a key or with a separator in the key', () => {
    expect(() => parseApiKeys('k1')).toThrow('entry 1 must be key:scope+scope');
    expect(() => parseApiKeys(':read')).toThrow('entry 1 must be key:scope+scope');
    expect(() => parseApiKeys('k1:')).toThrow('unknown scope ""');
    expect(() => parseApiKeys('k 1:read')).toThrow('entry 1: the key must be');
  });

  it('should refuse the same key twice', () => {
    expect(() => parseApiKeys('k1:read,k1:admin')).toThrow('entry 2 repeats an earlier key');
  });
});

describe('scopesOfApiKey', () => {
  const keys = parseApiKeys('reader-key:read,operator-key:read+control');

  it('should give the scopes of a configured key', () => {
    expect(scopesOfApiKey(keys, 'operator-key')).toEqual(['read', 'control']);
  });

  it('should give nothing for an unknown key, a prefix of a key or a key with extra characters', () => {
    expect(scopesOfApiKey(keys, 'nobody')).toBeUndefined();
    expect(scopesOfApiKey(keys, 'reader-ke')).toBeUndefined();
    expect(scopesOfApiKey(keys, 'reader-key ')).toBeUndefined();
  });
});

describe('secretsEqual', () => {
  it('should say equal for the same secret', () => {
    expect(secretsEqual('s3cret-value', 's3cret-value')).toBe(true);
  });

  it('should say different for another secret of any length, without throwing on unequal lengths', () => {
    expect(secretsEqual('s3cret-valuE', 's3cret-value')).toBe(false);
    expect(secretsEqual('s', 's3cret-value')).toBe(false);
    expect(secretsEqual('', 's3cret-value')).toBe(false);
    expect(secretsEqual('s3cret-value-and-more', 's3cret-value')).toBe(false);
  });
});
