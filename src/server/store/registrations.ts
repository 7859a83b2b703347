import type { ServerRegistration } from '../../shared';
import type { Db } from './db';
import { rowToServer } from './rows';

/** Every registration of one village, voided ones included, in arrival order. */
export async function villageRegistrations(db: Db, villageCode: string): Promise<ServerRegistration[]> {
  const rows = await db
    .selectFrom('registrations')
    .selectAll()
    .where('village_code', '=', villageCode)
    .orderBy('created_seq')
    .execute();
  return rows.map(rowToServer);
}
