// `npm start`: one Node process serving the PWA (dist/) and the API (/api/v1).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildApp } from './app';
import { readEnv } from './env';
import { openStore } from './store/db';

const DIST = fileURLToPath(new URL('../../dist', import.meta.url));

async function main(): Promise<void> {
  const env = readEnv();
  // Migrations run here, on either database, before the first request.
  const store = await openStore({ databaseUrl: env.databaseUrl, dataDir: env.dataDir });
  const app = await buildApp({
    store,
    logLevel: env.logLevel,
    trustProxy: env.trustProxy,
    metricsToken: env.metricsToken,
    publicUrl: env.publicUrl,
    staticDir: existsSync(DIST) ? DIST : undefined,
  });
  if (!existsSync(DIST)) app.log.warn('dist/ not found: serving the API only (run npm run build)');

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down');
    await app.close();
    await store.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  const address = await app.listen({ port: env.port, host: env.host });
  app.log.info({ address, database: store.kind }, 'desa100 server listening');
  if (env.logLevel === 'silent') console.log(`desa100 listening on ${address} (${store.kind})`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
