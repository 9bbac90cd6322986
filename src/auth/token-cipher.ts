import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

const ALGORITHM = 'aes-256-gcm';
const IV_BYTES = 12;
const TAG_BYTES = 16;
/** Marks the format, so a later change of scheme reads an old value as a miss instead of garbage. */
const PREFIX = 'v1.';

/**
 * Seals values for a shared store (AES-256-GCM, a random IV per write, authenticated). A value that is not ours,
 * was tampered with or was sealed under another key opens to `undefined`: the caller treats it as a cache miss.
 */
export class TokenCipher {
  private readonly key: Buffer;

  constructor(key: Buffer) {
    if (key.length !== 32) throw new RangeError('token cipher key must be 32 bytes');
    this.key = Buffer.from(key);
  }

  /**
   * The key when none is configured: HKDF-SHA256 of the platform access secret. Whoever can read Redis but not the
   * secret cannot use the token, and whoever holds the secret could log in anyway; replicas with the same secret
   * derive the same key, and rotating the secret turns the cached token into a miss.
   */
  static fromAccessSecret(accessSecret: string): TokenCipher {
    return new TokenCipher(Buffer.from(hkdfSync('sha256', accessSecret, 'quec-graph', 'upstream token cache v1', 32)));
  }

  /** `context` (the store key) is authenticated too, so a value copied under another key does not open. */
  seal(plain: string, context: string): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv(ALGORITHM, this.key, iv, { authTagLength: TAG_BYTES });
    cipher.setAAD(Buffer.from(context, 'utf8'));
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return PREFIX + Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64');
  }

  open(sealed: unknown, context: string): string | undefined {
    if (typeof sealed !== 'string' || !sealed.startsWith(PREFIX)) return undefined;
    const raw = Buffer.from(sealed.slice(PREFIX.length), 'base64');
    if (raw.length <= IV_BYTES + TAG_BYTES) return undefined;
    try {
      const decipher = createDecipheriv(ALGORITHM, this.key, raw.subarray(0, IV_BYTES), { authTagLength: TAG_BYTES });
      decipher.setAAD(Buffer.from(context, 'utf8'));
      decipher.setAuthTag(raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
      return Buffer.concat([decipher.update(raw.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
    } catch {
      return undefined;
    }
  }
}
