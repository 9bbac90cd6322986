/**
 * Text of the docs/upstream.md section whose heading line starts with `heading` (e.g. "### §6.3" or
 * "#### GET `/v2/deviceshadow/r2/openapi/device/resource`"), up to the next heading of the same or a
 * higher level. Throws when the heading is missing so a renamed section fails loudly.
 */
export function referenceSection(markdown: string, heading: string): string {
  const lines = markdown.split('\n');
  const start = lines.findIndex((line) => line.startsWith(heading));
  if (start < 0) throw new Error(`reference section "${heading}" not found`);
  const level = /^#+/.exec(lines[start])?.[0].length ?? 0;
  const end = lines.findIndex((line, i) => i > start && /^#+ /.test(line) && (/^#+/.exec(line)?.[0].length ?? 0) <= level);
  return lines.slice(start, end < 0 ? undefined : end).join('\n');
}
