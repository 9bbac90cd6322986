import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { startHttpService, type HttpService } from '../helpers/http-service';

interface Example {
  query: string;
  variables: Record<string, unknown>;
}

/** Each ```graphql block of docs/journeys.md with the ```json block right after it. */
function examples(): Example[] {
  const text = readFileSync(resolve(__dirname, '../../docs/journeys.md'), 'utf8');
  const blocks = [...text.matchAll(/```(graphql|json)\n([\s\S]*?)```/g)].map((m) => ({ lang: m[1], body: m[2] }));
  const found: Example[] = [];
  for (let i = 0; i < blocks.length; i += 1) {
    if (blocks[i].lang !== 'graphql') continue;
    const next = blocks[i + 1];
    found.push({ query: blocks[i].body, variables: next?.lang === 'json' ? JSON.parse(next.body) : {} });
  }
  return found;
}

describe('docs/journeys.md examples', () => {
  let service: HttpService;
  beforeAll(async () => {
    service = await startHttpService();
  });
  afterAll(() => service.close());

  it('should contain examples', () => {
    expect(examples().length).toBeGreaterThanOrEqual(10);
  });

  it('should run every example, in order, against the server without errors', async () => {
    for (const example of examples()) {
      const response = await fetch(`${service.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(example),
      });
      const body = (await response.json()) as { data?: unknown; errors?: unknown[] };
      expect({ query: example.query, errors: body.errors }).toEqual({ query: example.query, errors: undefined });
      expect(body.data).toBeTruthy();
    }
  });
});
