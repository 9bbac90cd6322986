import { startStandaloneServer } from '@apollo/server/standalone';
import { DEMO_SITES } from './data';
import { createSiteServer } from './subgraph';

/** Runs the example site subgraph on SITES_PORT (default 4002) with the demo data. Example code: not for production. */
async function main(): Promise<void> {
  const port = Number(process.env.SITES_PORT ?? 4002);
  const host = process.env.SITES_HOST ?? '127.0.0.1';
  const { url } = await startStandaloneServer(createSiteServer(DEMO_SITES), { listen: { port, host } });
  process.stdout.write(`site subgraph ready at ${url}\n`);
}

void main();
