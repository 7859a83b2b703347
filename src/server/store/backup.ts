// Backup and restore of the embedded database (contract Revision 2, R5), for the CLI.
//
// Copying desa100.sqlite while the server runs gives a file without what still sits in the WAL
// (often an empty database): a backup is SQLite's online backup, page by page from a consistent
// snapshot, safe while the server writes. A restore puts such a file in place with the server
// stopped and gives the database a new generation, so every phone pushes again what it holds;
// what no phone holds (quota changes, KPJ numbers, coordinator voids, enrolments made after the
// backup) is listed from the database being replaced, for people to redo.
import { copyFileSync, existsSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { SQLITE_FILE } from './db';

/** Audit actions that only read: nothing to redo after a restore. */
const READS = /^(sync\.pull|export\.|village\.registrations\.read)/;

export interface LostChange {
  at: string;
  action: string;
  actor: string;
  scope: string | null;
  targets: string | null;
  details: string | null;
}

export interface RestoreReport {
  /** The newest time the backup knows of: its recovery point. */
  recoveryPoint: string | null;
  /** Changes recorded after it in the database that was replaced (empty if there was none). */
  lost: LostChange[];
}

export async function backupSqlite(dataDir: string, out: string): Promise<{ pages: number }> {
  const source = join(dataDir, SQLITE_FILE);
  if (!existsSync(source)) throw new Error(`Tidak ada basis data di / No database at ${source}`);
  const db = new SQLite(source, { readonly: true, fileMustExist: true });
  try {
    const { totalPages } = await db.backup(out);
    return { pages: totalPages };
  } finally {
    db.close();
  }
}

/** The newest moment a database recorded: its audit trail and the ops it received. */
function latestMoment(db: SQLite.Database): string | null {
  const row = db.prepare(
    'select max(m) as m from (select max(at) as m from audit_log union all select max(received_at) from ops)',
  ).get() as { m: string | null };
  return row.m;
}

/** Opens a file as a desa100 database, or throws saying what it is not. */
function openBackup(file: string): SQLite.Database {
  if (!existsSync(file)) throw new Error(`Berkas cadangan tidak ada / Backup file not found: ${file}`);
  const db = new SQLite(file, { readonly: true, fileMustExist: true });
  try {
    db.prepare('select count(*) from schema_migrations').get();
    db.prepare('select count(*) from registrations').get();
  } catch {
    db.close();
    throw new Error(`Bukan cadangan desa100 / Not a desa100 backup: ${file}`);
  }
  return db;
}

/** What the current database holds after `point`, that no phone can push again. */
export function changesAfter(db: SQLite.Database, point: string | null): LostChange[] {
  const since = point ?? '';
  const audits = (db.prepare(
    'select at, action, actor, scope, targets, details from audit_log where at > ? order by at, id',
  ).all(since) as LostChange[]).filter((a) => !READS.test(a.action));
  // Voids pushed by tokens without a device (coordinators' and admins' screens) live on no phone.
  const voids = db.prepare(
    `select o.received_at as at, 'registration.void' as action, o.actor as actor, null as scope,
       json_array(o.registration_id) as targets, null as details
     from ops o join tokens t on t.id = o.actor
     where o.received_at > ? and o.type = 'registration.void' and t.device_id is null
       and o.result like '%"status":"applied"%'
     order by o.received_at`,
  ).all(since) as LostChange[];
  const lost = [...audits, ...voids];
  lost.sort((a, b) => a.at.localeCompare(b.at));
  return lost;
}

/**
 * Puts `file` in place of the embedded database (the server must be stopped). Returns the
 * backup's recovery point and what the replaced database recorded after it.
 */
export function restoreSqlite(dataDir: string, file: string): RestoreReport {
  const backup = openBackup(file);
  const recoveryPoint = latestMoment(backup);
  backup.close();
  const target = join(dataDir, SQLITE_FILE);
  let lost: LostChange[] = [];
  if (existsSync(target)) {
    const current = new SQLite(target, { fileMustExist: true });
    try {
      lost = changesAfter(current, recoveryPoint);
      // Folds the WAL in, so that no -wal file of the old database outlives it.
      current.pragma('wal_checkpoint(TRUNCATE)');
    } finally {
      current.close();
    }
  }
  const staging = `${target}.restoring`;
  copyFileSync(file, staging);
  for (const suffix of ['-wal', '-shm']) rmSync(`${target}${suffix}`, { force: true });
  renameSync(staging, target);
  return { recoveryPoint, lost };
}
