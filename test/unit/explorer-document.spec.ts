import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig } from '../../src/config';
import { FIRST_QUERY, FIRST_QUERY_VARIABLES } from '../../src/http/explorer';

describe("the explorers' first document", () => {
  const readme = readFileSync(join(__dirname, '../../README.md'), 'utf8');

  it("should be the README's first GraphQL block, word for word", () => {
    const first = /```graphql\n([\s\S]*?)```/.exec(readme);
    expect(first?.[1]).toBe(FIRST_QUERY);
  });

  it('should use the variables the README gives for it', () => {
    expect(readme).toContain(`\`${JSON.stringify(FIRST_QUERY_VARIABLES).replace(/[{,:]/g, '$& ').replace(/}$/, ' }')}\``);
  });
});

describe('CORS_ORIGINS', () => {
  it('should default to no other origin', () => {
    expect(loadConfig({}).corsOrigins).toEqual([]);
  });

  it('should take a comma-separated list and normalise each origin as browsers send it', () => {
    expect(loadConfig({ CORS_ORIGINS: ' https://App.Example.com:443 ,http://127.0.0.1:5173,' }).corsOrigins).toEqual([
      'https://app.example.com',
      'http://127.0.0.1:5173',
    ]);
  });

  it.each(['*', 'https://app.example.com/path', 'app.example.com', 'ftp://app.example.com'])('should refuse %s, naming the variable', (value) => {
    expect(() => loadConfig({ CORS_ORIGINS: value })).toThrow(/CORS_ORIGINS/);
  });
});
