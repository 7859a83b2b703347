// Accepted registrations under a scope, page by page (keyset on village, then arrival), so an
// export of a whole province streams in bounded memory on either database.
import type { ServerRegistration } from '../../shared';
import type { Db } from './db';
import { inScope, rowToServer } from './rows';

export const EXPORT_PAGE = 1000;

export async function* acceptedInScope(db: Db, scope: string, page = EXPORT_PAGE): AsyncGenerator<ServerRegistration[]> {
  let after: { village: string; createdSeq: number } | undefined;
  for (;;) {
    let q = db
      .selectFrom('registrations')
      .selectAll()
      .where('status', '=', 'accepted')
      .where(inScope('village_code', scope));
    if (after) {
      const { village, createdSeq } = after;
      q = q.where((eb) =>
        eb.or([
          eb('village_code', '>', village),
          eb.and([eb('village_code', '=', village), eb('created_seq', '>', createdSeq)]),
        ]),
      );
    }
    const rows = await q.orderBy('village_code').orderBy('created_seq').limit(page).execute();
    if (rows.length === 0) return;
    yield rows.map(rowToServer);
    const last = rows[rows.length - 1] as (typeof rows)[number];
    after = { village: last.village_code, createdSeq: Number(last.created_seq) };
    if (rows.length < page) return;
  }
}
