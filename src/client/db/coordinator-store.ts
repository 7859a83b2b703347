import type { Role } from '../../shared/codes';
import type { QuotaBoard } from '../../shared/protocol';
import { getMeta, getMetas, setMeta, type BoardSnapshot } from './meta';
import type { Desa100Db } from './schema';

// The Dexie side of the coordinator screens: who this phone is, and the last board seen
// (kept so that a coordinator in the field still reads it with no signal).

export interface CoordinatorAuth {
  token: string;
  role: Role;
  scope: string;
  deviceId: string;
}

export async function readAuth(db: Desa100Db): Promise<CoordinatorAuth | null> {
  const [token, role, scope, deviceId] = await getMetas(db, ['token', 'role', 'scope', 'deviceId']);
  if (!token || !role || !scope) return null;
  if (deviceId) return { token, role, scope, deviceId };
  // A phone given a token by hand has no id yet; pushes need one, and it must stay the same.
  const made = crypto.randomUUID();
  await setMeta(db, 'deviceId', made);
  return { token, role, scope, deviceId: made };
}

export async function readBoardSnapshot(db: Desa100Db, scope: string): Promise<BoardSnapshot | null> {
  const snapshot = await getMeta(db, 'coordinatorBoard');
  return snapshot && snapshot.scope === scope ? snapshot : null;
}

export async function saveBoardSnapshot(db: Desa100Db, scope: string, board: QuotaBoard, fetchedAt: string): Promise<BoardSnapshot> {
  const snapshot: BoardSnapshot = { scope, board, fetchedAt };
  await setMeta(db, 'coordinatorBoard', snapshot);
  return snapshot;
}

/** Regency names from the place files this phone has cached; codes it lacks are left out. */
export async function readRegencyNames(db: Desa100Db, codes: string[]): Promise<Record<string, string>> {
  const rows = await db.places.bulkGet(codes);
  const names: Record<string, string> = {};
  for (const row of rows) if (row) names[row.code] = row.name;
  return names;
}
