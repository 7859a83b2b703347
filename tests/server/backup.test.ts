// The operator's CLI (docs/deploy.md): `cli backup` and `cli restore` (contract Revision 2, R5:
// an online backup taken while the server writes, a restore that makes a new generation and
// lists what no phone can push again), and `cli token list / revoke / create --expires-in`.
import { execFile } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app';
import { CLI_ACTOR } from '../../src/server/auth/actor';
import { createToken } from '../../src/server/store/auth';
import { readGeneration } from '../../src/server/store/generation';
import { PG_URL, disposeLocation, newLocation, openAt, testClock, type Location } from './support/harness';
import { TANJUNGSARI, auth, createOp, push, registration } from './support/wire';

interface Run { code: number; stdout: string; stderr: string }

function cli(loc: Location, args: string[]): Promise<Run> {
  const env: NodeJS.ProcessEnv = { ...process.env, LOG_LEVEL: 'silent' };
  delete env.DATABASE_URL;
  delete env.DATA_DIR;
  if (loc.dataDir) env.DATA_DIR = loc.dataDir;
  if (loc.pgSchema) env.DATABASE_URL = `${PG_URL}?options=${encodeURIComponent(`-c search_path=${loc.pgSchema}`)}`;
  return new Promise((resolve) => {
    execFile('node_modules/.bin/tsx', ['src/server/cli.ts', ...args], { env }, (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr });
    });
  });
}

const SLOW = { timeout: 180_000 };

describe('cli backup and restore (sqlite)', SLOW, () => {
  let loc: Location;
  let scratch: string;
  beforeEach(async () => {
    loc = await newLocation('sqlite');
    scratch = mkdtempSync(join(tmpdir(), 'desa100-backup-'));
  });
  afterEach(async () => {
    await disposeLocation(loc);
    rmSync(scratch, { recursive: true, force: true });
  });

  it('backs up while the server writes; restore puts it back under a new generation and lists what was lost', async () => {
    const store = await openAt(loc);
    const clock = testClock();
    const app = await buildApp({ store, now: clock.now });
    const { token } = await createToken(store, { role: 'operator', scope: TANJUNGSARI, actor: CLI_ACTOR, now: clock.now() });
    const coordinator = (await createToken(store, { role: 'coordinator', scope: '32.14', actor: CLI_ACTOR, now: clock.now() })).token;
    const first = await push(app, token, Array.from({ length: 30 }, () => createOp(registration())));
    const generation = first.body.generation as string;

    const out = join(scratch, 'desa100-backup.sqlite');
    const backup = await cli(loc, ['backup', '--out', out]);
    expect(backup).toMatchObject({ code: 0, stderr: '' });
    expect(backup.stdout).toContain(out);

    clock.advance(60_000);
    await push(app, token, Array.from({ length: 20 }, () => createOp(registration())));
    const quota = await app.inject({ method: 'PUT', url: `/api/v1/villages/${TANJUNGSARI}/quota`, headers: auth(coordinator), payload: { quota: 120 } });
    expect(quota.statusCode).toBe(200);
    await app.close();
    await store.close();

    const restored = await cli(loc, ['restore', '--from', out]);
    expect(restored.code).toBe(0);
    const lines = restored.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^generation [0-9a-f-]{36}$/);
    expect(lines[0]).not.toContain(generation);
    expect(lines[1]).toMatch(/^recovery point 2025-03-10T02:00:00/);
    expect(restored.stdout).toContain('quota.set');
    expect(restored.stdout).not.toContain('sync.pull');

    const after = await openAt(loc);
    const count = await after.db.selectFrom('registrations').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(30);
    expect(await readGeneration(after.db)).toBe(lines[0]?.slice('generation '.length));
    await after.close();
  });

  it('refuses a file that is not a desa100 backup and leaves the database as it was', async () => {
    const store = await openAt(loc);
    const before = await readGeneration(store.db);
    await store.close();
    const bogus = join(scratch, 'bogus.sqlite');
    copyFileSync(join(process.cwd(), 'package.json'), bogus);
    const res = await cli(loc, ['restore', '--from', bogus]);
    expect(res.code).toBe(1);
    expect(res.stderr).toMatch(/desa100|backup/i);
    const again = await openAt(loc);
    expect(await readGeneration(again.db)).toBe(before);
    await again.close();
  });
});

describe('cli restore (postgres)', SLOW, () => {
  it('backup points to pg_dump; restore --new-generation makes a new generation', async () => {
    const loc = await newLocation('postgres');
    try {
      const store = await openAt(loc);
      const before = await readGeneration(store.db);
      const backup = await cli(loc, ['backup', '--out', '/tmp/x']);
      expect(backup.code).toBe(2);
      expect(backup.stderr).toContain('pg_dump');
      const res = await cli(loc, ['restore', '--new-generation']);
      expect(res.code).toBe(0);
      const after = await readGeneration(store.db);
      expect(after).not.toBe(before);
      expect(res.stdout).toContain(`generation ${after}`);
      await store.close();
    } finally {
      await disposeLocation(loc);
    }
  });
});

describe.each(['sqlite', 'postgres'] as const)('cli tokens (%s)', SLOW, (backend) => {
  it('lists tokens without their secrets, revokes one by id, and an expired token answers 401', async () => {
    const loc = await newLocation(backend);
    try {
      const store = await openAt(loc);
      const clock = testClock();
      const app = await buildApp({ store, now: clock.now });
      const made = await cli(loc, ['token', 'create', '--role', 'operator', '--scope', TANJUNGSARI, '--name', 'HP Desa', '--expires-in', '90d']);
      expect(made.code).toBe(0);
      const token = made.stdout.trim();
      const device = await createToken(store, { role: 'coordinator', scope: '32.14', actor: CLI_ACTOR, now: clock.now() });

      const listed = await cli(loc, ['token', 'list']);
      expect(listed.code).toBe(0);
      expect(listed.stdout).not.toContain(token);
      expect(listed.stdout).not.toContain(device.token);
      const line = listed.stdout.split('\n').find((l) => l.includes('"HP Desa"')) as string;
      expect(line).toMatch(/ operator 32\.14\.16\.2005 "HP Desa" created=\S+ expires=\S+Z revoked=no/);

      const pull = (t: string) => app.inject({ method: 'GET', url: '/api/v1/sync/pull', headers: auth(t) });
      expect((await pull(device.token)).statusCode).toBe(200);
      expect(await cli(loc, ['token', 'revoke', '--id', device.id])).toMatchObject({ code: 0, stdout: `revoked ${device.id}\n` });
      expect((await pull(device.token)).statusCode).toBe(401);
      expect((await cli(loc, ['token', 'revoke', '--id', device.id])).code).toBe(1);

      // The 90-day token works until its day comes (the server's clock here is 2025; the CLI's now).
      clock.set(new Date(Date.now() + 89 * 86_400_000).toISOString());
      expect((await pull(token)).statusCode).toBe(200);
      clock.set(new Date(Date.now() + 91 * 86_400_000).toISOString());
      expect((await pull(token)).statusCode).toBe(401);
      expect((await cli(loc, ['token', 'create', '--role', 'admin', '--scope', '*', '--expires-in', 'soon'])).code).toBe(2);
      await app.close();
      await store.close();
    } finally {
      await disposeLocation(loc);
    }
  });
});
