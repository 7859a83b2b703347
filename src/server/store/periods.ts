// The programme's protection period per scope (contract addition; migration 6).
import type { CoveragePeriod } from '../../shared';
import type { Actor } from '../auth/actor';
import { audit } from './audit';
import type { Db, Store } from './db';

/** `32.14.16.2005` -> `*`, `32`, `32.14`, `32.14.16`, `32.14.16.2005`: every scope containing it. */
function enclosingScopes(scope: string): string[] {
  if (scope === '*') return ['*'];
  const parts = scope.split('.');
  return ['*', ...parts.map((_, i) => parts.slice(0, i + 1).join('.'))];
}

/** Specificity: `*` below every region, a longer code inside a shorter one. */
const rank = (scope: string) => (scope === '*' ? 0 : scope.length);

export async function setCoveragePeriod(
  store: Store, input: CoveragePeriod & { actor: Actor; now: Date },
): Promise<CoveragePeriod> {
  const { scope, start, end } = input;
  const at = input.now.toISOString();
  await store.write(async (trx) => {
    await trx.insertInto('coverage_periods')
      .values({ scope, coverage_start: start, coverage_end: end, updated_at: at })
      .onConflict((oc) => oc.column('scope').doUpdateSet({ coverage_start: start, coverage_end: end, updated_at: at }))
      .execute();
    await audit(trx, { actor: input.actor.tokenId, action: 'coverage-period.set', scope, details: { start, end }, at: input.now });
  });
  return { scope, start, end };
}

/** The most specific period set for `scope` or a region containing it, if any. */
export async function coveragePeriodFor(db: Db, scope: string): Promise<CoveragePeriod | undefined> {
  const rows = await db.selectFrom('coverage_periods').selectAll().where('scope', 'in', enclosingScopes(scope)).execute();
  const best = rows.reduce<(typeof rows)[number] | undefined>((a, r) => (!a || rank(r.scope) > rank(a.scope) ? r : a), undefined);
  return best && { scope: best.scope, start: best.coverage_start, end: best.coverage_end };
}
