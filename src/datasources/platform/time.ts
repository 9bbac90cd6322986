/**
 * `2025-06-03 10:00:00`, `2025-06-03T10:00:00.123Z`, `2025-06-03T18:00:00+08:00`, `2025-06-03`: the date-time forms a
 * schema typed `string(date-time)` may take (reference §5). Groups: date, time, fraction, offset.
 */
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

/**
 * Upstream times (reference §5). The examples give epoch ms, as JSON numbers or numeric strings; the schema columns
 * of the same pages say `string(date-time)`, so date-time strings are read too. One without an offset is taken as
 * UTC (INFERRED: no page says which zone). "" and 0 mean "never"; anything unreadable is null.
 */
export function toDate(value: number | string | null | undefined): Date | null {
  if (value === null || value === undefined || value === '') return null;
  if (typeof value === 'number') return fromEpochMs(value);
  const text = value.trim();
  if (/^\d+$/.test(text)) return fromEpochMs(Number(text));
  return fromDateTime(text);
}

function fromEpochMs(ms: number): Date | null {
  return Number.isFinite(ms) && ms > 0 ? validDate(ms) : null;
}

function fromDateTime(text: string): Date | null {
  const match = DATE_TIME.exec(text);
  if (!match) return null;
  const [, year, month, day, hour = '0', minute = '0', second = '0', fraction = '', offset] = match;
  const fields = [year, month, day, hour, minute, second].map(Number);
  const ms = Number(`0.${fraction || '0'}`) * 1000;
  const local = Date.UTC(fields[0], fields[1] - 1, fields[2], fields[3], fields[4], fields[5], Math.floor(ms));
  // Date.UTC rolls 2025-02-30 over into March; a date that does not round-trip is not a date.
  const check = new Date(local);
  if (check.getUTCMonth() !== fields[1] - 1 || check.getUTCDate() !== fields[2] || fields[3] > 23 || fields[4] > 59 || fields[5] > 59) {
    return null;
  }
  return validDate(local - offsetMinutes(offset) * 60_000);
}

function offsetMinutes(offset: string | undefined): number {
  if (!offset || offset.toUpperCase() === 'Z') return 0;
  const digits = offset.slice(1).replace(':', '');
  const minutes = Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2) || '0');
  return offset.startsWith('-') ? -minutes : minutes;
}

function validDate(ms: number): Date | null {
  const date = new Date(ms);
  return Number.isNaN(date.getTime()) ? null : date;
}
