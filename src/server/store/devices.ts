// Enrolled devices: the coordinator's list, last-seen times and revocation.
import type { DeviceInfo } from '../../shared';
import type { Actor } from '../auth/actor';
import { audit } from './audit';
import type { Db, Store } from './db';
import { inScope } from './rows';

/** Devices whose scope lies inside `scope`, revoked ones included (they show as such). */
export async function listDevices(db: Db, scope: string): Promise<DeviceInfo[]> {
  const rows = await db
    .selectFrom('devices')
    .selectAll()
    .where(inScope('scope', scope))
    .orderBy('scope')
    .orderBy('name')
    .execute();
  return rows.map((r) => ({
    deviceId: r.id,
    name: r.name,
    role: r.role,
    scope: r.scope,
    createdAt: r.created_at,
    lastSeenAt: r.last_seen_at,
    revokedAt: r.revoked_at,
  }));
}

export async function findDevice(db: Db, deviceId: string): Promise<DeviceInfo | undefined> {
  const r = await db.selectFrom('devices').selectAll().where('id', '=', deviceId).executeTakeFirst();
  return r && {
    deviceId: r.id, name: r.name, role: r.role, scope: r.scope,
    createdAt: r.created_at, lastSeenAt: r.last_seen_at, revokedAt: r.revoked_at,
  };
}

export async function touchDevice(db: Db, deviceId: string, now: Date): Promise<void> {
  await db.updateTable('devices').set({ last_seen_at: now.toISOString() }).where('id', '=', deviceId).execute();
}

/** Stops a device at once: its tokens fail on the very next request. */
export async function revokeDevice(
  store: Store, input: { deviceId: string; actor: Actor; now: Date },
): Promise<boolean> {
  const now = input.now.toISOString();
  return store.write(async (trx) => {
    const res = await trx
      .updateTable('devices')
      .set({ revoked_at: now })
      .where('id', '=', input.deviceId)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    await trx.updateTable('tokens').set({ revoked_at: now }).where('device_id', '=', input.deviceId).where('revoked_at', 'is', null).execute();
    const changed = Number(res.numUpdatedRows) > 0;
    if (changed) await audit(trx, { actor: input.actor.tokenId, action: 'device.revoke', targets: [input.deviceId], at: input.now });
    return changed;
  });
}

/** A new name for a device (audited by id: the name itself is free text, kept out of the log). */
export async function renameDevice(
  store: Store, input: { deviceId: string; name: string; actor: Actor; now: Date },
): Promise<void> {
  await store.write(async (trx) => {
    await trx.updateTable('devices').set({ name: input.name }).where('id', '=', input.deviceId).execute();
    await audit(trx, { actor: input.actor.tokenId, action: 'device.rename', targets: [input.deviceId], at: input.now });
  });
}
