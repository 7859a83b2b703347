// KPJ numbers come back from BPJS after the export; coordinators record them one by one or as
// a list keyed by NIK. Each recorded number is a change of the registration (rule 5): a new
// seq and version, so phones learn it on their next pull.
import { parseNik, type KpjImportResult, type ServerRegistration } from '../../shared';
import { canSee, type Actor } from '../auth/actor';
import { bump } from '../sync/decide';
import { audit } from './audit';
import { BatchState } from './batch';
import type { Store } from './db';
import { entryToServer, type Entry } from './rows';

/** KPJ numbers as BPJS prints them: 11 digits. */
export const KPJ_RE = /^\d{11}$/;
export const MAX_KPJ_ROWS = 5000;

export type KpjRefusal = 'not-found' | 'forbidden' | 'already-voided' | 'not-accepted' | 'kpj-taken';

function refusal(entry: Entry | undefined, actor: Actor): KpjRefusal | undefined {
  if (!entry) return 'not-found';
  if (!canSee(actor, entry.record.villageCode)) return 'forbidden';
  if (entry.status === 'voided') return 'already-voided';
  if (entry.status !== 'accepted') return 'not-accepted';
  return undefined;
}

/**
 * Another live registration holding `kpjNumber` (R4), named by its village only when the caller
 * may see that village: a refusal never tells about people outside one's scope.
 */
function taken(state: BatchState, entry: Entry, kpjNumber: string, actor: Actor): { villageCode?: string } | undefined {
  const holder = state.kpjHolderOf(kpjNumber);
  if (!holder || holder === entry) return undefined;
  const village = holder.record.villageCode;
  return canSee(actor, village) ? { villageCode: village } : {};
}

function record(state: BatchState, entry: Entry, kpjNumber: string, now: string): void {
  // Setting the number it already has changes nothing (PUT is idempotent).
  if (entry.kpjNumber === kpjNumber) return;
  entry.kpjNumber = kpjNumber;
  bump(state, entry, now);
  state.changed(entry);
}

export type KpjOutcome =
  | { ok: true; registration: ServerRegistration }
  | { ok: false; refusal: KpjRefusal; details?: { villageCode?: string } };

export async function setKpjNumber(
  store: Store, input: { id: string; kpjNumber: string; actor: Actor; now: Date; defaultQuota: number },
): Promise<KpjOutcome> {
  return store.write(async (trx) => {
    const state = await BatchState.begin(trx, store.kind, input.defaultQuota);
    await state.load({ opIds: [], ids: [input.id], niks: [], villages: [] });
    await state.loadKpjHolders([input.kpjNumber]);
    const entry = state.get(input.id);
    const refused = refusal(entry, input.actor);
    if (refused || !entry) return { ok: false, refusal: refused ?? 'not-found' };
    const holder = taken(state, entry, input.kpjNumber, input.actor);
    if (holder) return { ok: false, refusal: 'kpj-taken', details: holder };
    record(state, entry, input.kpjNumber, input.now.toISOString());
    await state.flush();
    await audit(trx, { actor: input.actor.tokenId, action: 'kpj.set', targets: [input.id], at: input.now });
    return { ok: true, registration: entryToServer(entry) };
  });
}

/**
 * Records a BPJS list of (NIK, KPJ) pairs in one transaction; every row gets an answer. R4: a
 * NIK that is not a live registration inside the caller's scope is `not-found`, whether or not
 * it exists elsewhere or was voided (an import is never a lookup of people outside one's scope).
 */
export async function importKpjNumbers(
  store: Store,
  input: { rows: Array<{ nik: string; kpjNumber: string }>; actor: Actor; now: Date; defaultQuota: number },
): Promise<KpjImportResult> {
  const result: KpjImportResult = { matched: [], unmatched: [], invalid: [] };
  const valid: Array<{ nik: string; kpjNumber: string }> = [];
  for (const row of input.rows) {
    const parsed = parseNik(row.nik);
    if (!parsed.ok) result.invalid.push({ nik: row.nik, reason: `nik-${parsed.issue}` });
    else if (!KPJ_RE.test(row.kpjNumber)) result.invalid.push({ nik: parsed.value.nik, reason: 'kpj-format' });
    else valid.push({ nik: parsed.value.nik, kpjNumber: row.kpjNumber });
  }
  const now = input.now.toISOString();
  await store.write(async (trx) => {
    const state = await BatchState.begin(trx, store.kind, input.defaultQuota);
    await state.loadLiveNiks(valid.map((r) => r.nik));
    await state.loadKpjHolders(valid.map((r) => r.kpjNumber));
    for (const row of valid) {
      const entry = state.holderOf(row.nik);
      const refused = refusal(entry, input.actor);
      if (refused || !entry) {
        // Live registrations only (holderOf), so 'already-voided' cannot occur here.
        const reason = refused === 'not-accepted' ? 'not-accepted' : 'not-found';
        result.unmatched.push({ nik: row.nik, reason });
        continue;
      }
      const holder = taken(state, entry, row.kpjNumber, input.actor);
      if (holder) {
        result.unmatched.push({ nik: row.nik, reason: 'kpj-taken', ...holder });
        continue;
      }
      record(state, entry, row.kpjNumber, now);
      result.matched.push({ nik: row.nik, registrationId: entry.record.id, villageCode: entry.record.villageCode });
    }
    await state.flush();
    await audit(trx, {
      actor: input.actor.tokenId,
      action: 'kpj.import',
      scope: input.actor.scope,
      details: { rows: input.rows.length, matched: result.matched.length },
      at: input.now,
    });
  });
  return result;
}
