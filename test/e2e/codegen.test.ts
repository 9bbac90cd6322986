import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

const CHECK = resolve(__dirname, '../../dist/scripts/check-codegen.js');

describe('committed schema.graphql and generated client (src/generated/)', () => {
  // The check runs as its own node process: the codegen CLI loads ESM-only packages that jest's CJS runtime cannot.
  it('should match what the code and codegen.yml produce (run `npm run schema:emit` and `npm run codegen`)', () => {
    const run = spawnSync(process.execPath, [CHECK], { encoding: 'utf8', timeout: 60_000 });
    expect({ status: run.status, stderr: run.stderr }).toEqual({ status: 0, stderr: '' });
    expect(run.stdout).toContain('codegen up to date');
  });
});
