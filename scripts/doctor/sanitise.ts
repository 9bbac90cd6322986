/**
 * Scrubs recorded platform answers before they are written to disk for a user to attach to an issue: no token,
 * secret, phone number, e-mail address or personal name may survive, wherever it sits (any key, any depth, inside a
 * JSON document carried as a string, or as an object key). Structure is kept, so a sample still reads as the
 * platform's answer and can become a replay fixture.
 */

export interface SanitiseOptions {
  /** Exact strings to remove wherever they appear (the access key and secret in use). Empty strings are ignored. */
  knownSecrets?: readonly string[];
  /** Array entries kept; longer arrays are cut (a sample needs a few rows, not the whole page). Default: all. */
  maxArrayItems?: number;
}

export const REDACTED = {
  secret: '[redacted-secret]',
  token: '[redacted-token]',
  phone: '[redacted-phone]',
  email: '[redacted-email]',
  name: '[redacted-name]',
  address: '[redacted-address]',
} as const;

type Kind = keyof typeof REDACTED;
const MARKERS = new Set<unknown>(Object.values(REDACTED));

/** Deeper than any platform answer; beyond it the value is dropped rather than inspected. */
const MAX_DEPTH = 40;

/** Keys compared lower-cased, without `_`, `-`, `.` or spaces: `Access_Token`, `access-token` and `accessToken` agree. */
const normalise = (key: string) => key.toLowerCase().replace(/[\s_.-]/g, '');

const SECRET_KEY =
  /token|secret|passw|pwd|authorization|cookie|credential|signature|^sign$|privatekey|accesskey|apikey|appkey|sessionid|ticketsecret/;
const PHONE_KEY = /phone|mobile|msisdn|^tel$|telephone|^fax$|contactphone/;
const EMAIL_KEY = /^e?mail$|email$|emailaddress|mailaddress|^account$|senderaddress|recipient/;
/** Personal names. Product and project names are the account's catalogue, not people, and replay fixtures need them. */
const NAME_KEY = /name$|^nick|^contact$|^manager$|^owner$|^creator$|^operator$/;
const NAME_KEY_KEPT = new Set(['productname', 'projectname', 'categoryname', 'queuename', 'subscribename', 'templatename', 'signname']);
const ADDRESS_KEY = /address$|^addr$|street/;

/** A JWT (three base64url parts, the first a JSON header) or a token with its scheme, anywhere in a string. */
const TOKEN_VALUE = /\b(?:QJWT|Bearer)\s+[A-Za-z0-9._~+/=-]{8,}|\beyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]*/g;
const EMAIL_VALUE = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;
/**
 * Phone numbers: international (`+` then 7-15 digits, spaces, dots, dashes or brackets allowed), a Chinese mobile
 * (11 digits from 13-19, standing alone), or a grouped national number (`(030) 1234 5678`, `555-123-4567`). Bare digit
 * runs of other lengths are left: epoch-ms timestamps (13 digits) and IMEI device keys (15) must survive.
 */
const PHONE_VALUE = /\+\d[\d\s().-]{5,18}\d|(?<![\d.])1[3-9]\d{9}(?![\d.])|(?<![\d+])\(?\d{2,4}\)?[\s.-]\d{3,4}[\s.-]\d{3,5}(?![\d])/g;

function keyKind(key: string): Kind | undefined {
  const k = normalise(key);
  if (k === 'tokentype') return undefined;
  if (SECRET_KEY.test(k)) return k.includes('token') || k === 'authorization' ? 'token' : 'secret';
  if (PHONE_KEY.test(k)) return 'phone';
  if (EMAIL_KEY.test(k)) return 'email';
  if (NAME_KEY.test(k) && !NAME_KEY_KEPT.has(k)) return 'name';
  if (ADDRESS_KEY.test(k) && !k.includes('mac') && !k.includes('ip')) return 'address';
  return undefined;
}

export class Sanitiser {
  private readonly secrets: string[];
  private readonly maxArrayItems: number;

  constructor(options: SanitiseOptions = {}) {
    // Longest first, so a secret that contains another is removed whole.
    this.secrets = [...new Set(options.knownSecrets ?? [])].filter((s) => s.length > 0).sort((a, b) => b.length - a.length);
    this.maxArrayItems = options.maxArrayItems ?? Number.POSITIVE_INFINITY;
  }

  /** A scrubbed deep copy of `value` (JSON-like input; functions and symbols are dropped). */
  sanitise(value: unknown): unknown {
    return this.walk(value, 0);
  }

  private walk(value: unknown, depth: number): unknown {
    if (depth > MAX_DEPTH) return '[dropped: too deep]';
    if (typeof value === 'string') return this.text(value, depth);
    if (value === null || typeof value === 'number' || typeof value === 'boolean') return value;
    if (Array.isArray(value)) return value.slice(0, this.maxArrayItems).map((item) => this.walk(item, depth + 1));
    if (typeof value === 'object') {
      const out: Record<string, unknown> = {};
      for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
        const kind = keyKind(key);
        const scrubbed = this.walk(item, depth + 1);
        // Under a sensitive key every leaf goes, however deep (a list of phones, a credentials object).
        out[this.uniqueKey(out, this.text(key, MAX_DEPTH))] = kind ? replaceLeaves(scrubbed, REDACTED[kind]) : scrubbed;
      }
      return out;
    }
    return undefined;
  }

  /** A string: a JSON document inside is sanitised as such; otherwise tokens, secrets, e-mails and phones are cut out. */
  private text(value: string, depth: number): string {
    const trimmed = value.trim();
    if (depth < MAX_DEPTH && (trimmed.startsWith('{') || trimmed.startsWith('['))) {
      try {
        return JSON.stringify(this.walk(JSON.parse(trimmed), depth + 1));
      } catch {
        // not JSON after all: scrub it as text
      }
    }
    const decoded = depth < MAX_DEPTH ? base64Json(trimmed) : undefined;
    if (decoded !== undefined) return Buffer.from(JSON.stringify(this.walk(decoded, depth + 1))).toString('base64');
    let out = value;
    for (const secret of this.secrets) out = out.split(secret).join(REDACTED.secret);
    return out.replace(TOKEN_VALUE, REDACTED.token).replace(EMAIL_VALUE, REDACTED.email).replace(PHONE_VALUE, REDACTED.phone);
  }

  /** Two keys may scrub to the same text (two e-mail keys); number the later ones instead of losing them. */
  private uniqueKey(target: Record<string, unknown>, key: string): string {
    if (!(key in target)) return key;
    let n = 2;
    while (`${key}#${n}` in target) n += 1;
    return `${key}#${n}`;
  }
}

/** A base64 string that decodes to a JSON object or array (device payloads travel so): the parsed document, else undefined. */
function base64Json(text: string): unknown {
  if (text.length < 8 || text.length % 4 !== 0 || !/^[A-Za-z0-9+/]+={0,2}$/.test(text)) return undefined;
  const decoded = Buffer.from(text, 'base64').toString('utf8').trim();
  if (!decoded.startsWith('{') && !decoded.startsWith('[')) return undefined;
  try {
    return JSON.parse(decoded);
  } catch {
    return undefined;
  }
}

function replaceLeaves(value: unknown, marker: string): unknown {
  if (Array.isArray(value)) return value.map((item) => replaceLeaves(item, marker));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, replaceLeaves(v, marker)]));
  }
  // null and booleans say nothing about anyone; numbers (a phone stored as a number) and strings go.
  if (value === null || typeof value === 'boolean' || MARKERS.has(value as string)) return value;
  return marker;
}
