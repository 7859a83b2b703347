// POST /sync/push: parse outside the lock, then decide and write under it. Pushes that arrive
// while a write is in progress are decided together in the next transaction (group commit):
// one commit, one flush, the same order and the same results as one by one, and every result
// is still sent only after its transaction has committed.
import { DEFAULT_PROGRAMME, type OpResult } from '../../shared';
import type { Actor } from '../auth/actor';
import type { PlaceRegistry } from '../places';
import { decideOp, type DecideContext } from '../sync/decide';
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

/** Ops per group transaction: bounds memory and lock time when many devices push at once. */
export const MAX_GROUP_OPS = 3000;

function addNeeds(needs: BatchNeeds, parsed: ParsedOp[]): void {
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
}

interface Pending {
  parsed: ParsedOp[];
  ctx: DecideContext;
  defaultQuota: number;
  resolve: (results: OpResult[]) => void;
  reject: (error: unknown) => void;
}

class PushQueue {
  private readonly waiting: Pending[] = [];
  private draining = false;

  constructor(private readonly store: Store) {}

  enqueue(item: Omit<Pending, 'resolve' | 'reject'>): Promise<OpResult[]> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ ...item, resolve, reject });
      void this.drain();
    });
  }

  private takeGroup(): Pending[] {
    const group: Pending[] = [];
    let ops = 0;
    // Programme settings are per batch state, so a group never mixes them.
    const quota = this.waiting[0]?.defaultQuota;
    while (this.waiting.length > 0) {
      const next = this.waiting[0] as Pending;
      if (group.length > 0 && (ops + next.parsed.length > MAX_GROUP_OPS || next.defaultQuota !== quota)) break;
      group.push(this.waiting.shift() as Pending);
      ops += next.parsed.length;
    }
    return group;
  }

  private async drain(): Promise<void> {
    if (this.draining) return;
    this.draining = true;
    try {
      while (this.waiting.length > 0) {
        const group = this.takeGroup();
        try {
          const results = await this.decide(group);
          group.forEach((item, i) => item.resolve(results[i] as OpResult[]));
        } catch (error) {
          if (group.length === 1) {
            group[0]?.reject(error);
            continue;
          }
          // One push must not fail the others: each is tried again on its own.
          for (const item of group) {
            try {
              item.resolve(((await this.decide([item])) as OpResult[][])[0] as OpResult[]);
            } catch (single) {
              item.reject(single);
            }
          }
        }
      }
    } finally {
      this.draining = false;
    }
  }

  private decide(group: Pending[]): Promise<OpResult[][]> {
    const needs: BatchNeeds = { opIds: [], ids: [], niks: [], villages: [] };
    for (const item of group) addNeeds(needs, item.parsed);
    return this.store.write(async (trx) => {
      const state = await BatchState.begin(trx, this.store.kind, group[0]?.defaultQuota ?? DEFAULT_PROGRAMME.defaultQuota);
      await state.load(needs);
      const out: OpResult[][] = [];
      for (const item of group) {
        const results: OpResult[] = [];
        for (const op of item.parsed) {
          const result = decideOp(op, state, item.ctx);
          results.push(result instanceof Promise ? await result : result);
        }
        out.push(results);
      }
      await state.flush();
      return out;
    });
  }
}

const queues = new WeakMap<Store, PushQueue>();

export async function pushOps(store: Store, input: PushInput): Promise<OpResult[]> {
  const parsed = input.ops.map((op) => parseOp(op, input.places));
  let queue = queues.get(store);
  if (!queue) {
    queue = new PushQueue(store);
    queues.set(store, queue);
  }
  return queue.enqueue({
    parsed,
    ctx: { actor: input.actor, deviceId: input.deviceId, now: input.now.toISOString() },
    defaultQuota: input.defaultQuota ?? DEFAULT_PROGRAMME.defaultQuota,
  });
}
