import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

const ROOT = resolve(__dirname, '../..');

/** The variables src/config.ts validates: the keys of its `environmentSchema` object. */
function configVariables(): string[] {
  const source = readFileSync(resolve(ROOT, 'src/config.ts'), 'utf8');
  const body = /const environmentSchema = z\.object\(\{([\s\S]*?)\n\}\);/.exec(source)?.[1] ?? '';
  return [...body.matchAll(/^ {2}([A-Z][A-Z0-9_]*):/gm)].map((match) => match[1]);
}

describe('.env.example', () => {
  const lines = readFileSync(resolve(ROOT, '.env.example'), 'utf8').split('\n');
  const documented = lines.flatMap((line, index) => {
    const match = /^([A-Z][A-Z0-9_]*)=/.exec(line);
    return match ? [{ name: match[1], comment: lines[index - 1] ?? '' }] : [];
  });

  it('should list every variable src/config.ts reads, and no other', () => {
    const variables = configVariables();
    expect(variables.length).toBeGreaterThan(10);
    expect(documented.map((d) => d.name).sort()).toEqual([...variables].sort());
  });

  it('should put one comment line above each variable', () => {
    for (const { name, comment } of documented) expect({ name, comment: comment.startsWith('# ') }).toEqual({ name, comment: true });
  });
});

describe('docs/configuration.md', () => {
  const text = readFileSync(resolve(ROOT, 'docs/configuration.md'), 'utf8');

  it('should document every variable src/config.ts reads in a table row of its own', () => {
    const rows = new Set([...text.matchAll(/^\| `([A-Z][A-Z0-9_]*)`/gm)].map((match) => match[1]));
    const missing = configVariables().filter((name) => !rows.has(name));
    expect(missing).toEqual([]);
  });
});
