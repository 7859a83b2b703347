// The CLI as people run it: `npm run --silent cli -- ...`, against the same database as a
// running server, on both databases.
import { execFile } from 'node:child_process';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DeviceEnrolResponse, Quota } from '../../src/shared';
import { BACKENDS, PG_URL, startServer, type TestServer } from './support/harness';
import { TANJUNGSARI, auth, createOp, pullAll, push, pushOk, registration } from './support/wire';

interface Run { code: number; stdout: string; stderr: string }

function cliEnv(s: TestServer): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, LOG_LEVEL: 'silent' };
  delete env.DATABASE_URL;
  delete env.DATA_DIR;
  if (s.loc.dataDir) env.DATA_DIR = s.loc.dataDir;
  if (s.loc.pgSchema) env.DATABASE_URL = `${PG_URL}?options=${encodeURIComponent(`-c search_path=${s.loc.pgSchema}`)}`;
  return env;
}

/** Through npm exactly as documented; `direct` skips npm's own start-up where npm is not the point. */
function cli(s: TestServer, args: string[], direct = false): Promise<Run> {
  const [cmd, cmdArgs] = direct
    ? ['node_modules/.bin/tsx', ['src/server/cli.ts', ...args]]
    : ['npm', ['run', '--silent', 'cli', '--', ...args]];
  return new Promise((resolve) => {
    execFile(cmd, cmdArgs, { env: cliEnv(s), cwd: process.cwd() }, (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr });
    });
  });
}

// Each case spawns npm, tsx and Node: slow on a busy machine, hence the long timeouts.
const SLOW = { timeout: 180_000 };

describe.each(BACKENDS)('cli (%s)', SLOW, (backend) => {
  let s: TestServer;
  beforeEach(async () => {
    s = await startServer(backend);
  });
  afterEach(() => s.close());

  it('token create prints exactly one line: a token the running server accepts', async () => {
    const [operator, coordinator] = await Promise.all([
      cli(s, ['token', 'create', '--role', 'operator', '--scope', TANJUNGSARI, '--name', 'HP Tanjungsari']),
      cli(s, ['token', 'create', '--role', 'coordinator', '--scope', '32.14']),
    ]);
    expect(operator).toMatchObject({ code: 0, stderr: '' });
    expect(operator.stdout).toMatch(/^d100_[\w-]{43}\n$/);
    const token = operator.stdout.trim();
    const { status, results } = await push(s.app, token, [createOp(registration())]);
    expect(status).toBe(200);
    expect(results[0]?.status).toBe('applied');
    const board = await s.app.inject({ method: 'GET', url: '/api/v1/quotas?scope=32.14.16', headers: auth(coordinator.stdout.trim()) });
    expect(board.statusCode).toBe(200);
  });

  it('enrolment-code create prints one line: a code a phone can redeem', async () => {
    const run = await cli(s, ['enrolment-code', 'create', '--role', 'operator', '--scope', TANJUNGSARI]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^[A-Z0-9]{10}\n$/);
    const res = await s.app.inject({ method: 'POST', url: '/api/v1/devices', payload: { code: run.stdout.trim(), deviceName: 'HP' } });
    expect(res.statusCode).toBe(201);
    expect(res.json<DeviceEnrolResponse>()).toMatchObject({ role: 'operator', scope: TANJUNGSARI });
  });

  it('quota set follows the same rules as the API, while pushes are running', async () => {
    const op = await s.token('operator', TANJUNGSARI);
    expect((await cli(s, ['quota', 'set', '--village', TANJUNGSARI, '--quota', '2'])).code).toBe(0);
    const regs = await pushOk(s.app, op, Array.from({ length: 4 }, () => createOp(registration())));
    expect(regs.map((r) => r.status)).toEqual(['accepted', 'accepted', 'waitlisted', 'waitlisted']);

    const pushing = Promise.all(Array.from({ length: 5 }, () => pushOk(s.app, op, Array.from({ length: 20 }, () => createOp(registration())))));
    const [raised] = await Promise.all([cli(s, ['quota', 'set', '--village', TANJUNGSARI, '--quota', '50']), pushing]);
    expect(raised.code).toBe(0);
    expect(JSON.parse(raised.stdout)).toMatchObject({ villageCode: TANJUNGSARI, quota: 50 });

    const pulled = await pullAll(s.app, op, 0, 1000);
    expect(pulled.quotas[0] as Quota).toMatchObject({ quota: 50, accepted: 50, waitlisted: 54 });
    // The 50 accepted are the 50 oldest by arrival, whoever promoted them.
    const rows = await s.store.db.selectFrom('registrations').select(['status']).orderBy('created_seq').execute();
    expect(rows.map((r) => r.status)).toEqual([...Array<string>(50).fill('accepted'), ...Array<string>(54).fill('waitlisted')]);

    const below = await cli(s, ['quota', 'set', '--village', TANJUNGSARI, '--quota', '10']);
    expect(below.code).toBe(1);
    expect(below.stdout).toBe('');
    expect(below.stderr).toContain('Quota 10 is below the 50 already accepted');
  });
});

describe('cli arguments', SLOW, () => {
  let s: TestServer;
  beforeEach(async () => {
    s = await startServer('sqlite');
  });
  afterEach(() => s.close());

  it('validates its arguments with clear messages and a non-zero exit', async () => {
    const cases: Array<[string[], string]> = [
      [['token', 'create', '--role', 'operator', '--scope', '32.14'], '--scope must be a real village code'],
      [['token', 'create', '--role', 'king', '--scope', '*'], '--role'],
      [['token', 'create', '--scope', '*'], '--role is required'],
      [['quota', 'set', '--village', '32.14.16.2999', '--quota', '5'], 'Unknown village'],
      [['quota', 'set', '--village', TANJUNGSARI, '--quota', '10001'], '--quota must be an integer 0-10000'],
      [['quota', 'set', '--village', TANJUNGSARI, '--quota=-1'], '--quota must be an integer 0-10000'],
      [['enrolment-code', 'create', '--role', 'admin', '--scope', '32'], "--scope must be '*'"],
      [['launch', 'rockets'], 'Unknown command'],
      [['token', 'create', '--colour', 'red'], "Unknown option '--colour'"],
    ];
    // A few at a time: each is a whole Node process, and CI machines are small.
    const runs: Run[] = [];
    for (let i = 0; i < cases.length; i += 3) {
      runs.push(...(await Promise.all(cases.slice(i, i + 3).map(([args]) => cli(s, args, true)))));
    }
    runs.forEach((run, i) => {
      expect(run.code).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr).toContain(cases[i]?.[1]);
    });
  });
});
