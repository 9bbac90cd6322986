import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { startHttpService, type HttpService } from '../helpers/http-service';

const ROOT = resolve(__dirname, '../..');
const run = promisify(execFile);

/** The files docs/clients.md marks with `<!-- walk-file: <path> -->` before a fenced block, by path. */
function walkFiles(markdown: string): Map<string, string> {
  const files = new Map<string, string>();
  const pattern = /<!-- walk-file: (\S+) -->\n\s*```\w*\n([\s\S]*?)\n\s*```/g;
  for (const match of markdown.matchAll(pattern)) {
    const indent = /^\s*/.exec(match[0].split('\n')[1])?.[0] ?? '';
    const body = match[2]
      .split('\n')
      .map((line) => (line.startsWith(indent) ? line.slice(indent.length) : line))
      .join('\n');
    files.set(match[1], `${body}\n`);
  }
  return files;
}

/** Client code that misuses a generated type: the same compile must reject it, and only it. */
const WRONG = {
  path: 'src/wrong.ts',
  content:
    "import type { FirstDevicesQuery } from './gql/graphql';\nexport const n: number | undefined = ({} as FirstDevicesQuery).products.edges[0]?.node.createdAt ?? undefined;\n",
};

/**
 * Runs the "From zero to a typed query" walk of docs/clients.md as written: its codegen config against the running
 * service (introspection), its query, tsc --strict over its client code and the generated types, then the program.
 * The compiler is TypeScript 7, what the walk's `npm install -D typescript` installs today.
 * The packages come from this repository's node_modules (a symlink): the walk's `npm install` needs the network.
 * One tsc run (the slow step) serves both checks: a file that misuses a generated type sits beside the walk's code,
 * and the compile must report exactly its error and none in the walk's files, which it still emits.
 */
describe('docs/clients.md: from zero to a typed query', () => {
  let service: HttpService;
  let dir: string;
  let files: Map<string, string>;
  let compileErrors: string[];

  beforeAll(async () => {
    service = await startHttpService();
    dir = mkdtempSync(join(tmpdir(), 'quec-walk-'));
    symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
    files = walkFiles(readFileSync(join(ROOT, 'docs/clients.md'), 'utf8'));
    for (const [path, content] of files) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      // The docs point at the default port; the service under test listens on port 0.
      writeFileSync(join(dir, path), content.replace('http://127.0.0.1:4000/graphql', `${service.url}/graphql`));
    }
    writeFileSync(join(dir, WRONG.path), WRONG.content);
    // execFile, not spawnSync: the service answering codegen's introspection runs on this process's event loop.
    await run(process.execPath, [join(ROOT, 'node_modules/@graphql-codegen/cli/esm/bin.js'), '--config', 'codegen.yml'], {
      cwd: dir,
      timeout: 120_000,
    });
    const compiled = await run(process.execPath, [join(ROOT, 'node_modules/typescript-7/bin/tsc'), '-p', '.'], { cwd: dir, timeout: 120_000 }).then(
      () => ({ stdout: '' }),
      (error: { stdout?: string }) => ({ stdout: error.stdout ?? String(error) }),
    );
    compileErrors = compiled.stdout.split('\n').filter((line) => /error TS\d+/.test(line));
  }, 300_000);
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await service?.close();
  });

  it('should generate typed documents, type-check and print a normalised cache', async () => {
    expect([...files.keys()].sort()).toEqual(['codegen.yml', 'src/devices.graphql', 'src/main.ts', 'tsconfig.json']);
    const generated = readFileSync(join(dir, 'src/gql/graphql.ts'), 'utf8');
    expect(generated).toMatch(/createdAt: string \| null/);
    expect(generated).toMatch(/status: DeviceStatus/);
    // The walk's own files compile cleanly: every error the compile reported is the misuse file's.
    expect(compileErrors.filter((line) => !line.startsWith(`${WRONG.path}(`))).toEqual([]);

    const { stdout } = await run(process.execPath, ['dist/main.js'], {
      cwd: dir,
      timeout: 60_000,
      env: { ...process.env, GRAPHQL_URL: `${service.url}/graphql` },
    });
    const printed = JSON.parse(stdout) as { product: string; created: string | null; statuses: string[]; cached: string[] };
    expect(printed.product).toEqual(expect.any(String));
    expect(printed.created === null || !Number.isNaN(Date.parse(printed.created))).toBe(true);
    expect(printed.statuses.length).toBeGreaterThan(0);
    for (const status of printed.statuses) expect(['ONLINE', 'OFFLINE']).toContain(status);
    expect(printed.cached.filter((key) => key.startsWith('Product:'))).toHaveLength(1);
    expect(printed.cached.filter((key) => key.startsWith('Device:'))).toHaveLength(printed.statuses.length);
  }, 60_000);

  it('should fail to type-check client code that misuses a generated type', () => {
    expect(compileErrors).toEqual([expect.stringMatching(new RegExp(`^${WRONG.path}\\(2,\\d+\\): error TS2322: `))]);
  });
});
