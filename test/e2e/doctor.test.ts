import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startSimulator } from '../../simulator';

const DOCTOR = resolve(__dirname, '../../dist/scripts/doctor.js');

/**
 * Runs the compiled `npm run doctor` script. Asynchronously: a simulator in this process must keep answering. In
 * test/helpers, which has no `.env`, so a developer's credentials never leak into the run.
 */
function doctor(args: string[], env: NodeJS.ProcessEnv = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolveRun, reject) => {
    const child = spawn(process.execPath, [DOCTOR, ...args], {
      cwd: resolve(__dirname, '../helpers'),
      env: { PATH: process.env.PATH, QUEC_SIMULATOR_PORT: '0', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 25_000);
    child.once('error', reject);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolveRun({ code, stdout, stderr });
    });
  });
}

/** The table's data lines: family, endpoint, then the result and the evidence level. */
const tableRows = (stdout: string) =>
  stdout
    .split('\n')
    .filter((line) => /^[a-z-]+\s+[a-z]+\.[A-Za-z]+\s+/.test(line))
    .map((line) => line.split(/\s{2,}/));

describe('npm run doctor (the compiled script)', () => {
  let out: string;
  beforeEach(() => {
    out = mkdtempSync(join(tmpdir(), 'doctor-e2e-'));
  });
  afterEach(() => rmSync(out, { recursive: true, force: true }));

  it('should pass against the embedded simulator without credentials, every family answering', async () => {
    const run = await doctor(['--out', out]);
    expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 0, stderr: '' });
    expect(run.stdout).toContain('embedded simulator');
    expect(run.stdout).toMatch(/^family\s+endpoint\s+result\s+evidence$/m);
    const rows = tableRows(run.stdout);
    expect(rows.length).toBeGreaterThan(25);
    // The simulator refuses pages above 100 (50005): every list reports that cap; nothing is unsupported or failing.
    expect(rows.filter(([, , result]) => !/^(ok|capped)\b/.test(result))).toEqual([]);
    expect(rows.find(([, endpoint]) => endpoint === 'group.list')).toEqual([
      'device-groups',
      'group.list',
      expect.stringMatching(/^capped: refuses pageSize 1000/),
      'inferred',
    ]);
    expect(run.stdout).toContain('doctor: passed');
    const runs = readdirSync(out);
    expect(runs).toEqual([expect.stringMatching(/^\d{4}-\d\d-\d\dT[\d-]+Z$/)]);
    const folder = join(out, runs[0]);
    const files = readdirSync(folder);
    expect(run.stdout).toContain(`wrote ${files.length} sanitised samples to ${folder}`);
    expect(files).toContain('summary.json');
    expect(files.some((file) => file.endsWith('-auth.login.json'))).toBe(true);
    expect(files.map((file) => readFileSync(join(folder, file), 'utf8')).join('')).not.toMatch(/QJWT|eyJ[\w-]+\.eyJ/);
  });

  it('should name the unsupported family and its variable against a platform that lacks it, still passing', async () => {
    const sim = await startSimulator({ maxPageSize: 100_000 });
    try {
      sim.faults.inject('group.list', { httpStatus: 404, body: '{"status":404,"error":"Not Found"}' });
      const run = await doctor(['--no-samples'], {
        QUEC_BASE_URL: sim.baseUrl,
        QUEC_ACCESS_KEY: sim.credentials.accessKey,
        QUEC_ACCESS_SECRET: sim.credentials.accessSecret,
      });
      expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 0, stderr: '' });
      expect(run.stdout).toContain('platform (custom QUEC_BASE_URL)');
      expect(tableRows(run.stdout).find(([, endpoint]) => endpoint === 'group.list')).toEqual([
        'device-groups',
        'group.list',
        'unsupported: HTTP 404; set QUEC_PATH_DEVICE_GROUPS',
        'inferred',
      ]);
      expect(run.stdout).not.toContain(sim.credentials.accessSecret);
      expect(new Set(sim.log.entries().map((entry) => entry.method))).toEqual(new Set(['GET', 'POST']));
      expect(readdirSync(resolve(__dirname, '../helpers')).some((name) => name.startsWith('doctor-samples'))).toBe(false);
    } finally {
      await sim.close();
    }
  });

  it('should fail (exit 1) when the credentials are refused', async () => {
    const sim = await startSimulator();
    try {
      const run = await doctor(['--no-samples'], {
        QUEC_BASE_URL: sim.baseUrl,
        QUEC_ACCESS_KEY: 'wrongAccessKey000000000',
        QUEC_ACCESS_SECRET: 'wrong-secret',
      });
      expect(run.code).toBe(1);
      expect(run.stdout).toMatch(/auth\.login\s+error UPSTREAM_ERROR 90047/);
      expect(run.stdout).toContain('doctor: FAILED');
    } finally {
      await sim.close();
    }
  });
});
