// GET /sync/pull: changes after a cursor, in seq order. Because writers are serialised and seqs
// are handed out under the lock, everything at or below the returned cursor is already
// committed: a later pull never finds an older seq (contract rule 6).
import { DEFAULT_PROGRAMME, type PullResponse } from '../../shared';
import type { Store } from './db';
import { cachedQuotasInScope } from './quotas';
import { inScope, rowToServer } from './rows';

export async function pullChanges(
  store: Store,
  input: { scope: string; since: number; limit: number; defaultQuota?: number },
): Promise<PullResponse> {
  return store.read(async (trx) => {
    const rows = await trx
      .selectFrom('registrations')
      .selectAll()
      .where('seq', '>', input.since)
      .where(inScope('village_code', input.scope))
      .orderBy('seq')
      .limit(input.limit + 1)
      .execute();
    const hasMore = rows.length > input.limit;
    const changes = rows.slice(0, input.limit).map(rowToServer);
    const cursor = changes.length > 0 ? (changes[changes.length - 1] as { seq: number }).seq : input.since;
    const quotas = await cachedQuotasInScope(store, trx, input.scope, input.defaultQuota ?? DEFAULT_PROGRAMME.defaultQuota);
    return { changes, cursor, hasMore, quotas };
  });
}
