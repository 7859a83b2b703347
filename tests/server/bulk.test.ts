// Bulk inserts (store/bulk.ts) bind values into SQL built once per row count, and the drivers
// keep those statements prepared (store/prepared.ts). Every value must land in its own column,
// for full-size statements, the rest, and both together; the prepared statements must be reused.
import { randomUUID } from 'node:crypto';
import SQLite from 'better-sqlite3';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { BULK_ROWS, insertRows } from '../../src/server/store/bulk';
import { keepPrepared, reusingStatements } from '../../src/server/store/prepared';
import type { OpsTable, RegistrationsTable } from '../../src/server/store/schema';
import { BACKENDS, freshStorePerTest, startServer } from './support/harness';
import { TANJUNGSARI, auth, createOp, registration } from './support/wire';

let seq = 0;
function registrationRow(i: number): RegistrationsTable {
  seq += 1;
  return {
    id: randomUUID(), village_code: `32.14.16.${2000 + (i % 7)}`, nik: `nik-${seq}`, status: i % 3 === 0 ? 'waitlisted' : 'accepted',
    version: 1 + (i % 4), seq, created_seq: seq - (i % 2), received_at: `r-${i}`, updated_at: `u-${i}`,
    kpj_number: i % 5 === 0 ? `kpj-${i}` : null, card: i % 6 === 0 ? '{"x":1}' : null, void_reason: null,
    device_id: `d-${i}`, operator: `o-${i}`, data: JSON.stringify({ i, quote: 'a"b\\c' }),
    // Optional columns: given, null, and absent (written as null).
    ...(i % 3 === 2 ? {} : { pushed_by: i % 3 === 0 ? `p-${i}` : null, pushed_seq: i % 3 === 0 ? seq : null }),
  };
}

function opRow(i: number): OpsTable {
  return {
    op_id: randomUUID(), payload_hash: `h-${i}`, result: `{"n":${i}}`, type: 't', registration_id: i % 2 ? `reg-${i}` : null,
    device_id: null, actor: `a-${i}`, received_at: `at-${i}`,
  };
}

describe.each(BACKENDS)('bulk inserts (%s)', (backend) => {
  const fixture = freshStorePerTest(backend);

  it.each([1, BULK_ROWS - 1, BULK_ROWS, BULK_ROWS + 1, 2 * BULK_ROWS + 234])('writes %i rows, every value in its column', async (n) => {
    const regs = Array.from({ length: n }, (_, i) => registrationRow(i));
    const ops = Array.from({ length: n }, (_, i) => opRow(i));
    const store = fixture.current();
    await store.write(async (trx) => {
      await insertRows(trx, store.kind, 'registrations', regs);
      await insertRows(trx, store.kind, 'ops', ops);
    });
    const gotRegs = await store.db.selectFrom('registrations').selectAll().orderBy('seq').execute();
    expect(gotRegs.map((r) => ({ ...r, version: Number(r.version), seq: Number(r.seq), created_seq: Number(r.created_seq), pushed_seq: r.pushed_seq === null ? null : Number(r.pushed_seq) })))
      .toEqual(regs.map((r) => ({ pushed_by: null, pushed_seq: null, ...r })));
    const gotOps = await store.db.selectFrom('ops').selectAll().execute();
    const byId = new Map(gotOps.map((o) => [o.op_id, o]));
    for (const o of ops) expect(byId.get(o.op_id)).toEqual(o);
    expect(gotOps).toHaveLength(n);
  });

  it('keeps the full-size statements prepared and reuses them', async () => {
    const store = fixture.current();
    for (let round = 0; round < 2; round++) {
      await store.write(async (trx) => {
        await insertRows(trx, store.kind, 'ops', Array.from({ length: BULK_ROWS }, (_, i) => opRow(i)));
        if (store.kind === 'postgres') {
          // Named statements live in the session: the one this transaction runs on.
          const named = await sql<{ name: string; parameter_count: number }>`select name, cardinality(parameter_types) as parameter_count from pg_prepared_statements`.execute(trx);
          expect(named.rows.filter((r) => r.name.startsWith('desa100_'))).toEqual([{ name: expect.any(String) as string, parameter_count: BULK_ROWS * 8 }]);
        }
      });
    }
    const count = await store.db.selectFrom('ops').select((eb) => eb.fn.countAll().as('n')).executeTakeFirst();
    expect(Number(count?.n)).toBe(2 * BULK_ROWS);
  });
});

describe('SQLite statement reuse', () => {
  it('hands out one statement per registered text, a fresh one for anything else', () => {
    const database = new SQLite(':memory:');
    const wrapped = reusingStatements(database);
    const kept = `select 1 as one /* ${randomUUID()} */`;
    keepPrepared(kept);
    expect(wrapped.prepare(kept)).toBe(wrapped.prepare(kept));
    expect(wrapped.prepare('select 2 as two')).not.toBe(wrapped.prepare('select 2 as two'));
    // A statement still being iterated is not handed out again.
    const first = wrapped.prepare(kept);
    const rows = first.iterate([]);
    rows.next();
    expect(wrapped.prepare(kept)).not.toBe(first);
    rows.return?.();
    wrapped.close();
  });
});

describe.each(BACKENDS)('full-size pushes (%s)', (backend) => {
  it('applies 500 creates in one push and replays them byte for byte', async () => {
    const s = await startServer(backend);
    try {
      const token = await s.token('operator', TANJUNGSARI);
      const ops = Array.from({ length: BULK_ROWS }, () => createOp(registration()));
      const post = async () => {
        const res = await s.app.inject({ method: 'POST', url: '/api/v1/sync/push', headers: auth(token), payload: { deviceId: randomUUID(), ops } });
        expect(res.statusCode).toBe(200);
        return res.body.replace(/,"serverTime":"[^"]*"/, '');
      };
      const first = await post();
      const results = (JSON.parse(first) as { results: Array<{ status: string; registration: { seq: number; nik: string } }> }).results;
      expect(results.map((r) => r.status)).toEqual(Array.from({ length: BULK_ROWS }, () => 'applied'));
      const stored = await s.store.db.selectFrom('registrations').select(['nik', 'seq']).orderBy('seq').execute();
      expect(stored.map((r) => ({ nik: r.nik, seq: Number(r.seq) }))).toEqual(results.map((r) => ({ nik: r.registration.nik, seq: r.registration.seq })));
      s.clock.advance(60_000);
      expect(await post()).toBe(first);
    } finally {
      await s.close();
    }
  });
});
