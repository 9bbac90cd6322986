// Strict rule `dateTimeStrings`: the vendor's pages and OpenAPI file type many time fields `string(date-time)`
// while every example is epoch milliseconds (docs/upstream.md §0, §5). This rule serves a few of them as
// date-time strings, so a client that only reads milliseconds shows it. Which fields, and in which form:

type Format = 'rfc3339' | 'sql';

/** Endpoint -> time fields of its `data` (each row of a list), and the string form they take. */
export const DATE_TIME_FIELDS: Readonly<Record<string, { fields: readonly string[]; format: Format }>> = {
  // The OpenAPI file's `format: date-time`: RFC 3339 in UTC.
  'product.list': { fields: ['createTime', 'updateTime'], format: 'rfc3339' },
  'product.detail': { fields: ['createTime', 'updateTime'], format: 'rfc3339' },
  'gateway.subList': { fields: ['firstConnTime', 'lastConnTime', 'lastOfflineTime'], format: 'rfc3339' },
  // `yyyy-MM-dd HH:mm:ss` (UTC here), the form the binding family's rows use beside their `...Ts` twins.
  'history.event': { fields: ['createTime'], format: 'sql' },
};

/** `body` with the endpoint's listed time fields rewritten; other endpoints and non-time values pass unchanged. */
export function toDateTimeStrings(endpoint: string, body: unknown): unknown {
  const spec = DATE_TIME_FIELDS[endpoint];
  if (!spec || body === null || typeof body !== 'object') return body;
  const envelope = body as { data?: unknown };
  const rewrite = (row: unknown): unknown => {
    if (row === null || typeof row !== 'object' || Array.isArray(row)) return row;
    const out: Record<string, unknown> = { ...(row as Record<string, unknown>) };
    for (const field of spec.fields) out[field] = formatTime(out[field], spec.format);
    return out;
  };
  const data = Array.isArray(envelope.data) ? envelope.data.map(rewrite) : rewrite(envelope.data);
  return { ...envelope, data };
}

function formatTime(value: unknown, format: Format): unknown {
  const ms = typeof value === 'number' ? value : typeof value === 'string' && /^\d{1,15}$/.test(value) ? Number(value) : undefined;
  if (ms === undefined) return value;
  const iso = new Date(ms).toISOString();
  return format === 'rfc3339' ? iso : `${iso.slice(0, 10)} ${iso.slice(11, 19)}`;
}
