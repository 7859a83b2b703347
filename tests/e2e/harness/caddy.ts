import { spawn, spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { endChild, freePort } from './server';

// Caddy (Debian's package) in front of the app, as docs/deploy.md runs it, but with its own
// internal CA on https://localhost:<free port>. Its own process, config and data dir (HOME and
// XDG_* in a temp dir), so the packaged caddy.service and its storage are never involved.

export interface Caddy {
  url: string;
  stop(): Promise<void>;
}

export async function startCaddy(upstream: string): Promise<Caddy> {
  if (spawnSync('caddy', ['version']).error) {
    throw new Error('caddy is not installed: `apt-get install -y caddy` (.ci/run does it)');
  }
  const home = await mkdtemp(join(tmpdir(), 'desa100-e2e-caddy-'));
  const [httpPort, httpsPort] = [await freePort(), await freePort()];
  const config = join(home, 'Caddyfile');
  await writeFile(config, `{
	admin off
	skip_install_trust
	http_port ${httpPort}
	https_port ${httpsPort}
	storage file_system ${join(home, 'storage')}
}
https://localhost:${httpsPort} {
	tls internal
	reverse_proxy ${new URL(upstream).host}
}
`);
  const env = { ...process.env, HOME: home, XDG_DATA_HOME: join(home, 'data'), XDG_CONFIG_HOME: join(home, 'config') };
  const child = spawn('caddy', ['run', '--adapter', 'caddyfile', '--config', config], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  const keep = (chunk: Buffer) => { log = (log + chunk.toString()).slice(-8000); };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const stop = async () => {
    await endChild(child);
    await rm(home, { recursive: true, force: true });
  };
  // Serving once the internal certificate is issued and the TLS listener is up.
  const deadline = Date.now() + 30_000;
  while (!log.includes('serving initial configuration')) {
    if (child.exitCode !== null || Date.now() > deadline) {
      await stop();
      throw new Error(`caddy did not start:\n${log}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return { url: `https://localhost:${httpsPort}`, stop };
}
