import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { ROOT } from './paths';
import type { AppServer } from './server';

// The project's CLI (`npm run --silent cli -- …`, i.e. src/server/cli.ts under tsx) on the
// running test server's embedded database: same DATA_DIR, no DATABASE_URL. It is safe while
// the server runs (contract: "The CLI works whether or not the server is running").

const run = promisify(execFile);
const CLI = join(ROOT, 'src/server/cli.ts');

/** Runs one CLI command and returns its single output line; a failure throws with stderr. */
export async function cli(server: AppServer, args: readonly string[]): Promise<string> {
  try {
    const { stdout } = await run(process.execPath, ['--import', 'tsx', CLI, ...args], {
      cwd: ROOT,
      env: { ...process.env, DATA_DIR: server.dataDir, DATABASE_URL: '', LOG_LEVEL: 'warn' },
      timeout: 60_000,
    });
    return stdout.trim();
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr ?? '';
    throw new Error(`cli ${args.slice(0, 2).join(' ')} failed: ${stderr.trim() || String(error)}`, { cause: error });
  }
}

export function createToken(server: AppServer, role: 'admin' | 'coordinator' | 'operator', scope: string): Promise<string> {
  return cli(server, ['token', 'create', '--role', role, '--scope', scope, '--name', `e2e ${role}`]);
}

export function createEnrolmentCode(server: AppServer, role: 'coordinator' | 'operator', scope: string): Promise<string> {
  return cli(server, ['enrolment-code', 'create', '--role', role, '--scope', scope]);
}

export async function setQuota(server: AppServer, village: string, quota: number): Promise<void> {
  await cli(server, ['quota', 'set', '--village', village, '--quota', String(quota)]);
}
