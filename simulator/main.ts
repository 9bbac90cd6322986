import { startSimulator } from './index';

// `npm run sim`: the simulator as a standalone process. The only place in simulator/ that reads the
// environment: SIM_PORT (or PORT; default 0 = ephemeral), SIM_SEED, SIM_DEVICE_COUNT, SIM_LATENCY_MS, and SIM_STRICT
// (`1` or `true`: every strict rule, docs/development.md).

function integerFromEnv(name: string): number | undefined {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return undefined;
  const value = Number(raw);
  if (!Number.isInteger(value)) throw new Error(`${name} must be an integer, got "${raw}"`);
  return value;
}

async function main(): Promise<void> {
  const sim = await startSimulator({
    port: integerFromEnv('SIM_PORT') ?? integerFromEnv('PORT') ?? 0,
    seed: integerFromEnv('SIM_SEED'),
    deviceCount: integerFromEnv('SIM_DEVICE_COUNT'),
    latencyMs: integerFromEnv('SIM_LATENCY_MS'),
    strict: process.env.SIM_STRICT === '1' || process.env.SIM_STRICT === 'true',
  });
  const { store } = sim;
  const products = store.products();
  const devices = store.devices();
  const online = devices.filter((d) => d.deviceStatus === 1).length;
  const lines = [
    `Quectel platform simulator listening on ${sim.baseUrl}`,
    `  AccessKey:    ${sim.credentials.accessKey}`,
    `  AccessSecret: ${sim.credentials.accessSecret}`,
    `  projects: ${store.projects().length}, products: ${products.length} (${store.authorizedProducts().length} authorized), ` +
      `devices: ${devices.length} (${online} online)`,
    ...products.map((p) => {
      const note = p.authorized ? '' : '  [NOT authorized -> 70089]';
      return `  ${p.productKey}  ${p.role.padEnd(17)} ${p.productName}${note}  devices: ${store.devices(p.productKey).length}`;
    }),
  ];
  process.stdout.write(`${lines.join('\n')}\n`);

  const shutdown = (signal: string) => {
    process.stdout.write(`${signal} received, closing simulator\n`);
    sim.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', () => shutdown('SIGINT'));
  process.once('SIGTERM', () => shutdown('SIGTERM'));
}

main().catch((error: unknown) => {
  process.stderr.write(`simulator failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
