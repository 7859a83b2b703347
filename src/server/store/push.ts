// POST /sync/push: parse outside the lock, then decide and write one batch under it. Results
// are returned only once the transaction has committed.
import { DEFAULT_PROGRAMME, type OpResult } from '../../shared';
import type { Actor } from '../auth/actor';
import type { PlaceRegistry } from '../places';
import { decideOp } from '../sync/decide';
import { parseOp, type ParsedOp } from '../sync/parse-ops';
import { BatchState, type BatchNeeds } from './batch';
import type { Store } from './db';

export interface PushInput {
  actor: Actor;
  deviceId: string;
  ops: Array<Record<string, unknown>>;
  now: Date;
  places: PlaceRegistry;
  defaultQuota?: number;
}

function needsOf(parsed: ParsedOp[]): BatchNeeds {
  const needs: BatchNeeds = { opIds: [], ids: [], niks: [], villages: [] };
  for (const op of parsed) {
    if (op.kind === 'unidentified') continue;
    needs.opIds.push(op.opId);
    switch (op.kind) {
      case 'create':
        needs.ids.push(op.registration.id);
        needs.niks.push(op.registration.nik);
        needs.villages.push(op.registration.villageCode);
        break;
      case 'update':
        needs.ids.push(op.id);
        if (op.nik) needs.niks.push(op.nik);
        break;
      case 'void':
        needs.ids.push(op.id);
        break;
      case 'handover':
        needs.ids.push(op.registrationId);
        break;
      case 'invalid':
        break;
    }
  }
  return needs;
}

export async function pushOps(store: Store, input: PushInput): Promise<OpResult[]> {
  const parsed = input.ops.map((op) => parseOp(op, input.places));
  const needs = needsOf(parsed);
  const ctx = { actor: input.actor, deviceId: input.deviceId, now: input.now.toISOString() };
  return store.write(async (trx) => {
    const state = await BatchState.begin(trx, store.kind, input.defaultQuota ?? DEFAULT_PROGRAMME.defaultQuota);
    await state.load(needs);
    const results: OpResult[] = [];
    for (const op of parsed) results.push(await decideOp(op, state, ctx));
    await state.flush();
    return results;
  });
}
