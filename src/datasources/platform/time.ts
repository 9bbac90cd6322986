/** Upstream times are epoch ms as numbers or numeric strings; "" and 0 mean "never" (reference §5, §6.1). */
export function toDate(value: number | string | null | undefined): Date | null {
  if (value === null || value === undefined || value === '') return null;
  const ms = typeof value === 'number' ? value : Number(value);
  return Number.isFinite(ms) && ms > 0 ? new Date(ms) : null;
}
