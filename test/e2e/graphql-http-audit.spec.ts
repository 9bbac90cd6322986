import { serverAudits, type AuditResult } from 'graphql-http';
import { startHttpService, type HttpService } from '../helpers/http-service';

describe('GraphQL over HTTP conformance (graphql-http audits)', () => {
  let service: HttpService;
  let results: AuditResult[];
  beforeAll(async () => {
    service = await startHttpService();
    const audits = serverAudits({ url: `${service.url}/graphql`, fetchFn: fetch });
    results = await Promise.all(audits.map((audit) => audit.fn().then((result) => ({ ...result, name: audit.name, id: audit.id }))));
    const count = (status: string, prefix: string) => results.filter((r) => r.status === status && r.name.startsWith(prefix)).length;
    const summary = ['MUST', 'SHOULD', 'MAY'].map(
      (p) => `${p}: ${count('ok', p)} ok, ${count('notice', p)} notice, ${count('warn', p)} warn, ${count('error', p)} error`,
    );
    process.stdout.write(`graphql-http audit (${results.length} audits)\n  ${summary.join('\n  ')}\n`);
    for (const r of results.filter((x) => x.status !== 'ok')) process.stdout.write(`  [${r.status}] ${r.name}: ${'reason' in r ? r.reason : ''}\n`);
  });
  afterAll(() => service.close());

  it('should pass every MUST audit', () => {
    const failures = results.filter((r) => r.name.startsWith('MUST') && r.status !== 'ok').map((r) => `${r.name}: ${'reason' in r ? r.reason : ''}`);
    expect(results.filter((r) => r.name.startsWith('MUST')).length).toBeGreaterThan(10);
    expect(failures).toEqual([]);
  });
});
