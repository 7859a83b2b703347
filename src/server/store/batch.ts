// The in-memory view of the database that one write transaction decides against: read in a few
// queries at the start, changed op by op (so each op sees the effects of the ones before it),
// written back in bulk at the end.
import { sql, type SqlBool } from 'kysely';
import type { OpResult } from '../../shared';
import { knownOp, type KnownOp } from '../sync/stored-result';
import { insertRows } from './bulk';
import { bumpCountersVersion } from './counters-version';
import { chunkRows, chunkValues, oneOf, type Db, type DialectKind } from './db';
import { entryToRow, rowToEntry, type Entry } from './rows';
import type { OpsTable, RegistrationsTable } from './schema';

export interface Counters {
  villageCode: string;
  /** null = the programme default. */
  quota: number | null;
  accepted: number;
  waitlisted: number;
  cardsHandedOver: number;
}

export interface BatchNeeds {
  opIds: string[];
  ids: string[];
  niks: string[];
  villages: string[];
}

export class BatchState {
  private readonly entries = new Map<string, Entry>();
  private readonly created = new Set<string>();
  private readonly dirty = new Set<string>();
  /** NIK -> id of its live holder, for every NIK the batch can ask about. */
  private readonly liveNik = new Map<string, string>();
  private readonly nikOf = new Map<string, string>();
  /** KPJ number -> id of its live holder, for the numbers loaded with loadKpjHolders (R4). */
  private readonly liveKpj = new Map<string, string>();
  private readonly kpjOf = new Map<string, string>();
  private readonly villages = new Map<string, Counters>();
  private readonly dirtyVillages = new Set<string>();
  private readonly ops = new Map<string, KnownOp>();
  private readonly newOps: OpsTable[] = [];
  private seq = 0;

  private constructor(
    private readonly trx: Db,
    private readonly kind: DialectKind,
    readonly defaultQuota: number,
  ) {}

  /** Starts a batch inside a write transaction: the next seq follows the highest committed. */
  static async begin(trx: Db, kind: DialectKind, defaultQuota: number): Promise<BatchState> {
    const state = new BatchState(trx, kind, defaultQuota);
    const max = await trx
      .selectFrom('registrations')
      .select((eb) => eb.fn.max('seq').as('m'))
      .executeTakeFirst();
    state.seq = Number(max?.m ?? 0);
    return state;
  }

  async load(needs: BatchNeeds): Promise<void> {
    const ids = [...needs.ids];
    for (const chunk of chunkValues(this.kind, unique(needs.opIds))) {
      const rows = await this.trx
        .selectFrom('ops')
        .select(['op_id', 'actor', 'payload_hash', 'result', 'registration_id'])
        .where(oneOf(this.kind, 'op_id', chunk))
        .execute();
      for (const r of rows) {
        const known = knownOp(r);
        // Other tokens' ops under the same ids come along; they are never asked for (R2).
        this.ops.set(opKey(r.actor, r.op_id), known);
        // Its registration, should the retried payload no longer parse (stored-result.ts).
        if ('create' in known) ids.push(known.registrationId);
      }
    }
    for (const chunk of chunkValues(this.kind, unique(ids))) {
      this.addRows(await this.trx.selectFrom('registrations').selectAll().where(oneOf(this.kind, 'id', chunk)).execute());
    }
    await this.loadLiveNiks(needs.niks);
    const villages = new Set(needs.villages);
    for (const e of this.entries.values()) villages.add(e.record.villageCode);
    await this.loadVillages([...villages]);
  }

  /** Loads the live holders of `niks` (and their villages' counters). */
  async loadLiveNiks(niks: string[]): Promise<void> {
    await this.loadLive('nik', niks);
    const villages = new Set<string>();
    for (const e of this.entries.values()) villages.add(e.record.villageCode);
    await this.loadVillages([...villages]);
  }

  /** Loads the live holders of KPJ numbers (Revision 2, R4: one live holder per number). */
  async loadKpjHolders(numbers: string[]): Promise<void> {
    await this.loadLive('kpj_number', numbers);
  }

  private async loadLive(column: 'nik' | 'kpj_number', values: string[]): Promise<void> {
    for (const chunk of chunkValues(this.kind, unique(values))) {
      this.addRows(
        await this.trx
          .selectFrom('registrations')
          .selectAll()
          .where(oneOf(this.kind, column, chunk))
          // A literal, not a parameter: only then can both databases prove the predicate of the
          // partial indexes registrations_live_nik and _live_kpj and use them (a parameter means
          // a table scan).
          .where(sql<SqlBool>`status <> 'voided'`)
          .execute(),
      );
    }
  }

  async loadVillages(codes: string[]): Promise<void> {
    for (const chunk of chunkValues(this.kind, codes.filter((c) => !this.villages.has(c)))) {
      const rows = await this.trx.selectFrom('village_quotas').selectAll().where('village_code', 'in', chunk).execute();
      for (const r of rows) {
        this.villages.set(r.village_code, {
          villageCode: r.village_code,
          quota: r.quota === null ? null : Number(r.quota),
          accepted: Number(r.accepted),
          waitlisted: Number(r.waitlisted),
          cardsHandedOver: Number(r.cards_handed_over),
        });
      }
      for (const code of chunk) {
        if (!this.villages.has(code)) {
          this.villages.set(code, { villageCode: code, quota: null, accepted: 0, waitlisted: 0, cardsHandedOver: 0 });
        }
      }
    }
  }

  private addRows(rows: RegistrationsTable[]): void {
    for (const row of rows) {
      if (this.entries.has(row.id)) continue;
      const entry = rowToEntry(row);
      this.entries.set(row.id, entry);
      this.indexNik(entry);
    }
  }

  private indexNik(entry: Entry): void {
    const live = entry.status !== 'voided';
    reindex(this.liveNik, this.nikOf, entry.record.id, live ? entry.record.nik : null);
    reindex(this.liveKpj, this.kpjOf, entry.record.id, live ? entry.kpjNumber : null);
  }

  /** An op `actor` (a token id) already used: opIds are per token (Revision 2, R2). */
  knownOp(actor: string, opId: string): KnownOp | undefined {
    return this.ops.get(opKey(actor, opId));
  }

  /** `op.result` is what the row keeps (stored-result.ts); `result` answers repeats in this batch. */
  rememberOp(op: OpsTable, result: OpResult): void {
    this.ops.set(opKey(op.actor, op.op_id), { hash: op.payload_hash, result });
    this.newOps.push(op);
  }

  get(id: string): Entry | undefined {
    return this.entries.get(id);
  }

  /** The live registration holding `nik`, if any (only NIKs named in the needs are known). */
  holderOf(nik: string): Entry | undefined {
    const id = this.liveNik.get(nik);
    return id === undefined ? undefined : this.entries.get(id);
  }

  /** The live registration holding KPJ `number`, if any (numbers loaded by loadKpjHolders). */
  kpjHolderOf(number: string): Entry | undefined {
    const id = this.liveKpj.get(number);
    return id === undefined ? undefined : this.entries.get(id);
  }

  counters(villageCode: string): Counters {
    const c = this.villages.get(villageCode);
    if (!c) throw new Error(`village ${villageCode} was not loaded for this batch`);
    return c;
  }

  quotaOf(c: Counters): number {
    return c.quota ?? this.defaultQuota;
  }

  touchVillage(villageCode: string): void {
    this.dirtyVillages.add(villageCode);
  }

  nextSeq(): number {
    this.seq += 1;
    return this.seq;
  }

  create(entry: Entry): void {
    this.entries.set(entry.record.id, entry);
    this.created.add(entry.record.id);
    this.changed(entry);
  }

  /** Records that `entry` (mutated in place) must be written, and re-indexes its NIK. */
  changed(entry: Entry): void {
    this.dirty.add(entry.record.id);
    this.indexNik(entry);
  }

  /**
   * The `n` oldest waitlisted registrations of a village, by creation seq, as they stand now in
   * this batch. Entries already in memory may have changed, so the query reads that many more
   * rows than asked: at least `n` of those it returns are then untouched and still waitlisted.
   */
  async waitlistHead(villageCode: string, n: number): Promise<Entry[]> {
    if (n <= 0) return [];
    let known = 0;
    for (const [id, e] of this.entries) {
      if (e.record.villageCode === villageCode && !this.created.has(id)) known += 1;
    }
    this.addRows(
      await this.trx
        .selectFrom('registrations')
        .selectAll()
        .where('village_code', '=', villageCode)
        .where('status', '=', 'waitlisted')
        .orderBy('created_seq')
        .limit(known + n)
        .execute(),
    );
    const waiting = [...this.entries.values()].filter(
      (e) => e.record.villageCode === villageCode && e.status === 'waitlisted',
    );
    waiting.sort((a, b) => a.createdSeq - b.createdSeq);
    return waiting.slice(0, n);
  }

  /** Writes every change: changed rows are deleted and inserted again in bulk, in seq order. */
  async flush(): Promise<void> {
    const changed = [...this.dirty].map((id) => this.entries.get(id) as Entry);
    changed.sort((a, b) => a.seq - b.seq);
    const existing = changed.filter((e) => !this.created.has(e.record.id)).map((e) => e.record.id);
    for (const chunk of chunkValues(this.kind, existing)) {
      await this.trx.deleteFrom('registrations').where('id', 'in', chunk).execute();
    }
    await insertRows(this.trx, this.kind, 'registrations', changed.map(entryToRow));
    const villages = [...this.dirtyVillages].map((code) => {
      const c = this.counters(code);
      return {
        village_code: code,
        quota: c.quota,
        accepted: c.accepted,
        waitlisted: c.waitlisted,
        cards_handed_over: c.cardsHandedOver,
      };
    });
    if (villages.length > 0) await bumpCountersVersion(this.trx);
    for (const chunk of chunkRows(this.kind, villages)) {
      await this.trx
        .insertInto('village_quotas')
        .values(chunk)
        .onConflict((oc) =>
          oc.column('village_code').doUpdateSet({
            quota: sql.ref('excluded.quota'),
            accepted: sql.ref('excluded.accepted'),
            waitlisted: sql.ref('excluded.waitlisted'),
            cards_handed_over: sql.ref('excluded.cards_handed_over'),
          }),
        )
        .execute();
    }
    await insertRows(this.trx, this.kind, 'ops', this.newOps);
  }
}

/** Points `key` at `id` in a live-holder index (`byKey`, with its inverse `keyOf`), or drops it. */
function reindex(byKey: Map<string, string>, keyOf: Map<string, string>, id: string, key: string | null): void {
  const old = keyOf.get(id);
  if (old !== undefined && byKey.get(old) === id) byKey.delete(old);
  keyOf.delete(id);
  if (key !== null) {
    byKey.set(key, id);
    keyOf.set(id, key);
  }
}

/** Token ids and opIds are UUIDs (or `cli`): a space cannot occur in either. */
function opKey(actor: string, opId: string): string {
  return `${actor} ${opId}`;
}

function unique<T>(values: T[]): T[] {
  return [...new Set(values)];
}
