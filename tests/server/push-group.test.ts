// Group commit: pushes that arrive while a write runs are decided together in one transaction,
// with the same results as one by one; a group that fails is retried push by push.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { OpResult } from '../../src/shared';
import { CLI_ACTOR } from '../../src/server/auth/actor';
import { loadPlaces } from '../../src/server/places';
import type { Store } from '../../src/server/store/db';
import { pushOps } from '../../src/server/store/push';
import { BACKENDS, freshStorePerTest } from './support/harness';
import { createOp, registration } from './support/wire';

const send = (s: Store, n: number) => Promise.all(Array.from({ length: n }, () =>
  pushOps(s, { actor: CLI_ACTOR, deviceId: randomUUID(), ops: [createOp(registration()), createOp(registration())], now: new Date(), places: loadPlaces() })));

const seqsOf = (results: OpResult[][]) =>
  results.flat().map((r) => (r.status === 'applied' ? r.registration.seq : -1));

describe.each(BACKENDS)('group commit (%s)', (backend) => {
  const fixture = freshStorePerTest(backend);

  /** The same store, counting transactions and failing any that holds more than one push. */
  function instrumented(failGroups: boolean) {
    const store = fixture.current();
    const counter = { writes: 0 };
    const wrapped: Store = {
      ...store,
      write: (fn) => store.write(async (trx) => {
        counter.writes += 1;
        const out = await fn(trx);
        if (failGroups && Array.isArray(out) && out.length > 1) throw new Error('group failed');
        return out;
      }),
    };
    return { wrapped, counter };
  }

  it('decides concurrent pushes in fewer transactions, with unique, gap-free seqs', async () => {
    const { wrapped, counter } = instrumented(false);
    const results = await send(wrapped, 10);
    expect(counter.writes).toBeLessThan(10);
    const seqs = seqsOf(results);
    seqs.sort((a, b) => a - b);
    expect(seqs).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    // Within each push, its ops keep their order.
    for (const r of results) expect(seqsOf([r])[1]).toBe((seqsOf([r])[0] as number) + 1);
  });

  it('retries each push alone when its group fails, so one cannot sink the others', async () => {
    const store = fixture.current();
    const { wrapped, counter } = instrumented(true);
    const results = await send(wrapped, 6);
    expect(results.flat().every((r) => r.status === 'applied')).toBe(true);
    expect(counter.writes).toBeGreaterThan(6);
    const rows = await store.db.selectFrom('registrations').select('id').execute();
    expect(rows).toHaveLength(12);
  });
});
