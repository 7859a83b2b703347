// Tokens, devices and enrolment codes. Every request's token is looked up here (no cache), so
// revoking a device stops its token at once, from any process.
import { randomUUID } from 'node:crypto';
import type { Role } from '../../shared';
import type { Actor } from '../auth/actor';
import { newEnrolmentCode, newToken, normaliseEnrolmentCode, sha256 } from '../auth/secrets';
import { audit } from './audit';
import type { Db, Store } from './db';

export const ENROLMENT_CODE_TTL_MS = 24 * 60 * 60 * 1000;

export interface NewToken {
  id: string;
  token: string;
}

async function insertToken(
  db: Db, input: { role: Role; scope: string; name: string; deviceId: string | null; now: Date; expiresAt?: Date },
): Promise<NewToken> {
  const token = newToken();
  const id = randomUUID();
  await db
    .insertInto('tokens')
    .values({
      id,
      token_hash: sha256(token),
      role: input.role,
      scope: input.scope,
      name: input.name,
      device_id: input.deviceId,
      created_at: input.now.toISOString(),
      revoked_at: null,
      expires_at: input.expiresAt?.toISOString() ?? null,
    })
    .execute();
  return { id, token };
}

/** Mints a bearer token (the CLI's `token create`; tests use it to act as any role). */
export async function createToken(
  store: Store,
  input: { role: Role; scope: string; name?: string; actor: Actor; now?: Date; expiresInMs?: number },
): Promise<NewToken> {
  const now = input.now ?? new Date();
  const expiresAt = input.expiresInMs === undefined ? undefined : new Date(now.getTime() + input.expiresInMs);
  return store.write(async (trx) => {
    const created = await insertToken(trx, {
      role: input.role, scope: input.scope, name: input.name ?? `${input.role} ${input.scope}`, deviceId: null, now, expiresAt,
    });
    await audit(trx, { actor: input.actor.tokenId, action: 'token.create', targets: [created.id], scope: input.scope, at: now });
    return created;
  });
}

/** The actor of a live token: not revoked, not expired at `now`. */
export async function findActor(db: Db, token: string, now: Date = new Date()): Promise<Actor | undefined> {
  const row = await db
    .selectFrom('tokens')
    .select(['id', 'role', 'scope', 'name', 'device_id', 'expires_at'])
    .where('token_hash', '=', sha256(token))
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  if (!row || (row.expires_at != null && row.expires_at <= now.toISOString())) return undefined;
  return { tokenId: row.id, role: row.role, scope: row.scope, name: row.name, deviceId: row.device_id };
}

export async function createEnrolmentCode(
  store: Store,
  input: { role: Role; scope: string; actor: Actor; now: Date; ttlMs?: number },
): Promise<{ code: string; expiresAt: string }> {
  const code = newEnrolmentCode();
  const expiresAt = new Date(input.now.getTime() + (input.ttlMs ?? ENROLMENT_CODE_TTL_MS)).toISOString();
  const id = randomUUID();
  await store.write(async (trx) => {
    await trx
      .insertInto('enrolment_codes')
      .values({
        id,
        code_hash: sha256(code),
        role: input.role,
        scope: input.scope,
        created_by: input.actor.tokenId,
        created_at: input.now.toISOString(),
        expires_at: expiresAt,
        used_at: null,
        device_id: null,
      })
      .execute();
    await audit(trx, { actor: input.actor.tokenId, action: 'enrolment-code.create', targets: [id], scope: input.scope, at: input.now });
  });
  return { code, expiresAt };
}

export interface EnrolledDevice {
  deviceId: string;
  token: string;
  role: Role;
  scope: string;
}

/** Redeems a one-time code for a device and its token; undefined if unknown, used or expired. */
export async function redeemEnrolmentCode(
  store: Store,
  input: { code: string; deviceName: string; now: Date },
): Promise<EnrolledDevice | undefined> {
  const hash = sha256(normaliseEnrolmentCode(input.code));
  const now = input.now.toISOString();
  return store.write(async (trx) => {
    const code = await trx
      .selectFrom('enrolment_codes')
      .selectAll()
      .where('code_hash', '=', hash)
      .executeTakeFirst();
    if (!code || code.used_at !== null || code.expires_at <= now) return undefined;
    const deviceId = randomUUID();
    await trx.updateTable('enrolment_codes').set({ used_at: now, device_id: deviceId }).where('id', '=', code.id).execute();
    await trx
      .insertInto('devices')
      .values({
        id: deviceId, name: input.deviceName, role: code.role, scope: code.scope,
        enrolment_code_id: code.id, created_at: now, last_seen_at: now, revoked_at: null,
      })
      .execute();
    const { id, token } = await insertToken(trx, {
      role: code.role, scope: code.scope, name: input.deviceName, deviceId, now: input.now,
    });
    await audit(trx, { actor: id, action: 'device.enrol', targets: [deviceId, code.id], scope: code.scope, at: input.now });
    return { deviceId, token, role: code.role, scope: code.scope };
  });
}

export interface TokenInfo {
  id: string;
  role: Role;
  scope: string;
  name: string;
  deviceId: string | null;
  createdAt: string;
  expiresAt: string | null;
  revokedAt: string | null;
}

/** Every token, oldest first: who holds what, never the secret (only its hash is kept). */
export async function listTokens(db: Db): Promise<TokenInfo[]> {
  const rows = await db.selectFrom('tokens').selectAll().orderBy('created_at').orderBy('id').execute();
  return rows.map((r) => ({
    id: r.id, role: r.role, scope: r.scope, name: r.name, deviceId: r.device_id,
    createdAt: r.created_at, expiresAt: r.expires_at ?? null, revokedAt: r.revoked_at,
  }));
}

/** Revokes one token by id (a device's token too); false if unknown or already revoked. */
export async function revokeToken(store: Store, input: { id: string; actor: Actor; now: Date }): Promise<boolean> {
  return store.write(async (trx) => {
    const res = await trx
      .updateTable('tokens')
      .set({ revoked_at: input.now.toISOString() })
      .where('id', '=', input.id)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    const changed = Number(res.numUpdatedRows) > 0;
    if (changed) await audit(trx, { actor: input.actor.tokenId, action: 'token.revoke', targets: [input.id], at: input.now });
    return changed;
  });
}
