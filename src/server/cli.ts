// `npm run --silent cli -- <command>`: token, quota and enrolment-code commands. Same
// DATABASE_URL / DATA_DIR rules as the server; safe while the server runs (same write lock).
import { parseArgs } from 'node:util';
import { MAX_QUOTA, ROLES, type Role } from '../shared';
import { CLI_ACTOR, scopeProblem } from './auth/actor';
import { readEnv, type Env } from './env';
import { loadPlaces } from './places';
import { createEnrolmentCode, createToken, listTokens, revokeToken } from './store/auth';
import { revokeDevice } from './store/devices';
import { backupSqlite, restoreSqlite, type RestoreReport } from './store/backup';
import { openStore, type Store } from './store/db';
import { newGeneration } from './store/generation';
import { setVillageQuota } from './store/quotas';

const USAGE = `Penggunaan / Usage:
  cli token create --role operator|coordinator|admin --scope SCOPE [--name NAME] [--expires-in 90d|12h|30m]
  cli token list                       (satu baris per token, tanpa rahasianya / one line per token, never the secret)
  cli token revoke --id TOKEN_ID
  cli quota set --village CODE --quota N
  cli enrolment-code create --role operator|coordinator|admin --scope SCOPE
  cli device revoke --device DEVICE_ID
  cli backup --out FILE                (basis data bawaan / embedded database; aman saat server jalan / safe while the server runs)
  cli restore --from FILE              (basis data bawaan, server dihentikan / embedded, server stopped)
  cli restore --new-generation         (PostgreSQL, setelah / after pg_restore; server dihentikan / stopped)`;

class UsageError extends Error {}

const UNIT_MS: Record<string, number> = { d: 86_400_000, h: 3_600_000, m: 60_000 };

/** `90d`, `12h`, `30m` as milliseconds. */
function duration(raw: string): number {
  const m = /^(\d{1,5})([dhm])$/.exec(raw.trim());
  if (!m || Number(m[1]) === 0) throw new UsageError('--expires-in harus seperti 90d, 12h atau 30m / --expires-in must look like 90d, 12h or 30m');
  return Number(m[1]) * (UNIT_MS[m[2] as string] as number);
}

const PG_BACKUP = 'PostgreSQL: cadangkan dengan pg_dump, pulihkan dengan pg_restore lalu `cli restore --new-generation` '
  + '(lihat docs/deploy.md) / PostgreSQL: back up with pg_dump, restore with pg_restore then `cli restore --new-generation` (see docs/deploy.md)';

/** The restore's answer: the new generation first, then what people must redo by hand. */
function restoreReport(generation: string, report: RestoreReport | null): string {
  const lines = [`generation ${generation}`];
  if (!report) {
    lines.push('Perubahan setelah cadangan dibuat (kuota, KPJ, pembatalan koordinator, perangkat) tidak dapat dikirim ulang HP: '
      + 'periksa jejak audit basis data lama / Changes made after the backup (quotas, KPJ numbers, coordinator voids, '
      + 'devices) cannot be resent by phones: check the old database\'s audit trail');
    return lines.join('\n');
  }
  lines.push(`recovery point ${report.recoveryPoint ?? '(empty backup)'}`);
  lines.push(`${report.lost.length} perubahan setelah titik itu tidak dapat dikirim ulang HP, ulangi secara manual / `
    + `${report.lost.length} changes after that point cannot be resent by phones; redo them by hand:`);
  for (const c of report.lost) {
    lines.push(`  ${c.at} ${c.action} actor=${c.actor}${c.scope ? ` scope=${c.scope}` : ''}`
      + `${c.targets ? ` targets=${c.targets}` : ''}${c.details ? ` details=${c.details}` : ''}`);
  }
  return lines.join('\n');
}

type TextFlag = 'role' | 'scope' | 'name' | 'village' | 'quota' | 'device' | 'out' | 'from' | 'id' | 'expires-in';
type Flags = Partial<Record<TextFlag, string>> & { 'new-generation'?: boolean };

function required(flags: Flags, name: TextFlag): string {
  const value = flags[name]?.trim();
  if (!value) throw new UsageError(`--${name} wajib diisi / --${name} is required`);
  return value;
}

function roleAndScope(flags: Flags): { role: Role; scope: string } {
  const role = required(flags, 'role');
  if (!ROLES.includes(role as Role)) throw new UsageError(`--role harus salah satu dari / must be one of: ${ROLES.join(', ')}`);
  const scope = required(flags, 'scope');
  const problem = scopeProblem(role as Role, scope, loadPlaces());
  if (problem) {
    const hint = { operator: 'a real village code (32.14.16.2005)', coordinator: "'*' or a real region code (32, 32.14, 32.14.16)", admin: "'*'" }[role as Role];
    throw new UsageError(`--scope tidak cocok untuk peran ${role} / --scope must be ${hint} for role ${role} (${problem})`);
  }
  return { role: role as Role, scope };
}

async function run(command: string, flags: Flags, store: () => Promise<Store>, env: Env): Promise<string> {
  switch (command) {
    case 'backup': {
      const out = required(flags, 'out');
      if (env.databaseUrl) throw new UsageError(PG_BACKUP);
      const { pages } = await backupSqlite(env.dataDir, out);
      return `backup ${out} (${pages} pages)`;
    }
    case 'restore': {
      if (env.databaseUrl) {
        if (!flags['new-generation'] || flags.from) throw new UsageError(PG_BACKUP);
        return restoreReport(await newGeneration(await store()), null);
      }
      const report = restoreSqlite(env.dataDir, required(flags, 'from'));
      return restoreReport(await newGeneration(await store()), report);
    }
    case 'token create': {
      const { role, scope } = roleAndScope(flags);
      const expiresInMs = flags['expires-in'] === undefined ? undefined : duration(flags['expires-in']);
      const s = await store();
      const { token } = await createToken(s, { role, scope, name: flags.name?.trim() || undefined, actor: CLI_ACTOR, expiresInMs });
      return token;
    }
    case 'token list': {
      const tokens = await listTokens((await store()).db);
      return tokens.map((t) => [
        t.id, t.role, t.scope, JSON.stringify(t.name), `created=${t.createdAt}`, `expires=${t.expiresAt ?? 'never'}`,
        `revoked=${t.revokedAt ?? 'no'}`, ...(t.deviceId ? [`device=${t.deviceId}`] : []),
      ].join(' ')).join('\n') || '(no tokens)';
    }
    case 'token revoke': {
      const id = required(flags, 'id');
      const revoked = await revokeToken(await store(), { id, actor: CLI_ACTOR, now: new Date() });
      if (!revoked) throw new Error(`Token tidak ditemukan atau sudah dicabut / Token not found or already revoked: ${id}`);
      return `revoked ${id}`;
    }
    case 'enrolment-code create': {
      const { role, scope } = roleAndScope(flags);
      const s = await store();
      return (await createEnrolmentCode(s, { role, scope, actor: CLI_ACTOR, now: new Date() })).code;
    }
    case 'quota set': {
      const village = required(flags, 'village');
      if (!loadPlaces().village(village)) throw new UsageError(`Desa tidak dikenal / Unknown village: ${village}`);
      const raw = required(flags, 'quota');
      const quota = Number(raw);
      if (!/^\d+$/.test(raw) || quota > MAX_QUOTA) throw new UsageError(`--quota harus bilangan bulat 0-${MAX_QUOTA} / --quota must be an integer 0-${MAX_QUOTA}`);
      const s = await store();
      const result = await setVillageQuota(s, { villageCode: village, quota, actor: CLI_ACTOR, now: new Date() });
      if (!result.ok) {
        throw new Error(`Kuota ${quota} di bawah jumlah diterima (${result.accepted}) / Quota ${quota} is below the ${result.accepted} already accepted`);
      }
      return JSON.stringify(result.quota);
    }
    case 'device revoke': {
      const device = required(flags, 'device');
      const s = await store();
      const revoked = await revokeDevice(s, { deviceId: device, actor: CLI_ACTOR, now: new Date() });
      if (!revoked) throw new Error(`Perangkat tidak ditemukan atau sudah dicabut / Device not found or already revoked: ${device}`);
      return `revoked ${device}`;
    }
    default:
      throw new UsageError(`Perintah tidak dikenal / Unknown command: ${command || '(none)'}`);
  }
}

async function main(argv: string[]): Promise<number> {
  let opened: Store | undefined;
  try {
    const { positionals, values } = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        role: { type: 'string' }, scope: { type: 'string' }, name: { type: 'string' },
        village: { type: 'string' }, quota: { type: 'string' }, device: { type: 'string' },
        out: { type: 'string' }, from: { type: 'string' }, 'new-generation': { type: 'boolean' },
        id: { type: 'string' }, 'expires-in': { type: 'string' },
      },
    });
    const env = readEnv();
    const store = async () => {
      opened = await openStore({ databaseUrl: env.databaseUrl, dataDir: env.dataDir });
      return opened;
    };
    process.stdout.write(`${await run(positionals.join(' '), values, store, env)}\n`);
    return 0;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const usage = error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS');
    process.stderr.write(`${message}\n${usage ? `\n${USAGE}\n` : ''}`);
    return usage ? 2 : 1;
  } finally {
    await opened?.close();
  }
}

process.exitCode = await main(process.argv.slice(2));
