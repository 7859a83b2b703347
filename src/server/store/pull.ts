// GET /sync/pull: changes after a cursor, in seq order. Because writers are serialised and seqs
// are handed out under the lock, everything at or below the returned cursor is already
// committed: a later pull never finds an older seq (contract rule 6).
import { sql, type RawBuilder, type SqlBool } from 'kysely';
import { DEFAULT_PROGRAMME, type PullResponse } from '../../shared';
import type { Store } from './db';
import { cachedQuotasInScope } from './quotas';
import { inScope, rowToServer } from './rows';

/**
 * A row whose latest change is not a push of `token` (contract addition `device=`, narrowed by
 * Revision 2, R1 to the caller's own token). Null-safe on both databases: rows nobody pushed
 * (`pushed_by` null) are never left out.
 */
function notOwnPush(token: string): RawBuilder<SqlBool> {
  return sql<SqlBool>`(pushed_by is null or pushed_by <> ${token} or pushed_seq <> seq)`;
}

export async function pullChanges(
  store: Store,
  input: {
    scope: string; since: number; limit: number; defaultQuota?: number;
    /** Leave out the latest changes pushed with this token (the caller's own). */
    ownToken?: string;
  },
): Promise<Omit<PullResponse, 'generation'>> {
  return store.read(async (trx) => {
    let query = trx
      .selectFrom('registrations')
      .selectAll()
      .where('seq', '>', input.since)
      .where(inScope('village_code', input.scope));
    if (input.ownToken !== undefined) query = query.where(notOwnPush(input.ownToken));
    const rows = await query.orderBy('seq').limit(input.limit + 1).execute();
    const hasMore = rows.length > input.limit;
    const changes = rows.slice(0, input.limit).map(rowToServer);
    let cursor = changes.length > 0 ? (changes[changes.length - 1] as { seq: number }).seq : input.since;
    if (input.ownToken !== undefined && !hasMore) {
      // Everything in scope after the last change returned is the caller's own push: the cursor
      // passes over it. Same snapshot as the query above, so nothing else can hide there (rule 6).
      const last = await trx
        .selectFrom('registrations')
        .select('seq')
        .where('seq', '>', cursor)
        .where(inScope('village_code', input.scope))
        .orderBy('seq', 'desc')
        .limit(1)
        .executeTakeFirst();
      if (last) cursor = Number(last.seq);
    }
    const quotas = await cachedQuotasInScope(store, trx, input.scope, input.defaultQuota ?? DEFAULT_PROGRAMME.defaultQuota);
    return { changes, cursor, hasMore, quotas };
  });
}
