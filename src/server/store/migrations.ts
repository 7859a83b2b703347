// Schema migrations, run at every start on either database. Plain SQL that SQLite and
// PostgreSQL both accept, applied in order under the global write lock, so two processes
// starting at once (server and CLI) do not race, and a failed migration rolls back whole.
import { sql } from 'kysely';
import type { Db, Store } from './db';
import { initGeneration } from './generation';
import { clearDuplicateKpjNumbers } from './kpj-migration';

interface Migration {
  version: number;
  statements: string[];
  /** Work plain SQL cannot express on both databases alike, run before the statements. */
  before?: (trx: Db) => Promise<void>;
  /** The same, run after them. */
  after?: (trx: Db) => Promise<void>;
}

const MIGRATIONS: ReadonlyArray<Migration> = [
  {
    version: 1,
    statements: [
      `create table registrations (
        id text primary key,
        village_code text not null,
        nik text not null,
        status text not null,
        version integer not null,
        seq bigint not null,
        created_seq bigint not null,
        received_at text not null,
        updated_at text not null,
        kpj_number text,
        card text,
        void_reason text,
        device_id text,
        operator text,
        data text not null
      )`,
      'create unique index registrations_seq on registrations (seq)',
      // Pulls of one village (operators) walk this index in seq order.
      'create index registrations_village_seq on registrations (village_code, seq)',
      // Promotion takes the oldest waitlisted of a village; exports read accepted ones.
      'create index registrations_village_status on registrations (village_code, status, created_seq)',
      // Backstop for contract rule 3; the push logic already refuses duplicates.
      "create unique index registrations_live_nik on registrations (nik) where status <> 'voided'",
      `create table ops (
        op_id text primary key,
        payload_hash text not null,
        result text not null,
        type text not null,
        registration_id text,
        device_id text,
        actor text not null,
        received_at text not null
      )`,
      `create table village_quotas (
        village_code text primary key,
        quota integer,
        accepted integer not null default 0,
        waitlisted integer not null default 0,
        cards_handed_over integer not null default 0
      )`,
      `create table tokens (
        id text primary key,
        token_hash text not null unique,
        role text not null,
        scope text not null,
        name text not null,
        device_id text,
        created_at text not null,
        revoked_at text
      )`,
      'create index tokens_device on tokens (device_id)',
      `create table devices (
        id text primary key,
        name text not null,
        role text not null,
        scope text not null,
        enrolment_code_id text,
        created_at text not null,
        revoked_at text
      )`,
      `create table enrolment_codes (
        id text primary key,
        code_hash text not null unique,
        role text not null,
        scope text not null,
        created_by text not null,
        created_at text not null,
        expires_at text not null,
        used_at text,
        device_id text
      )`,
      `create table audit_log (
        id text primary key,
        at text not null,
        actor text not null,
        action text not null,
        targets text,
        scope text,
        details text
      )`,
      'create index audit_log_at on audit_log (at)',
    ],
  },
  {
    version: 2,
    statements: [
      'alter table devices add column last_seen_at text',
      'create index devices_scope on devices (scope)',
    ],
  },
  {
    version: 3,
    statements: [
      // See counters-version.ts.
      'create table meta (key text primary key, value bigint not null)',
      "insert into meta (key, value) values ('counters', 0)",
    ],
  },
  {
    version: 4,
    statements: [
      // Which device's push made a registration's latest change (and at which seq): a pull
      // with `device=` leaves those out, the device already has them (contract additions,
      // docs/architecture.md). Null for promotions, KPJ numbers and rows written before this.
      'alter table registrations add column pushed_by text',
      'alter table registrations add column pushed_seq bigint',
    ],
  },
  {
    version: 5,
    // Revision 2. R2: an opId belongs to the token that used it, so the same opId from two
    // tokens is two ops (op_id first: lookups by op_id still walk the key). SQLite cannot
    // change a primary key in place, so the table is copied on both databases alike.
    // R4: one live holder per KPJ number, enforced by the database too. Numbers that two live
    // registrations already share are cleared first on all but the oldest (audited, see
    // kpj-migration.ts), or the index could not be built.
    before: clearDuplicateKpjNumbers,
    statements: [
      `create table ops_by_token (
        op_id text not null,
        payload_hash text not null,
        result text not null,
        type text not null,
        registration_id text,
        device_id text,
        actor text not null,
        received_at text not null,
        primary key (op_id, actor)
      )`,
      `insert into ops_by_token (op_id, payload_hash, result, type, registration_id, device_id, actor, received_at)
        select op_id, payload_hash, result, type, registration_id, device_id, actor, received_at from ops`,
      'drop table ops',
      'alter table ops_by_token rename to ops',
      `create unique index registrations_live_kpj on registrations (kpj_number)
        where status <> 'voided' and kpj_number is not null`,
    ],
  },
  {
    version: 6,
    // Revision 2, R5: the database's generation, made when it is created and anew when it is
    // restored from a backup (store/generation.ts). Text settings, where `meta` holds numbers.
    statements: ['create table settings (key text primary key, value text not null)'],
    after: initGeneration,
  },
  {
    version: 7,
    statements: [
      // The programme's protection period per scope (`*`, a region or a village), which phones
      // receive with their pull (contract additions, docs/architecture.md).
      `create table coverage_periods (
        scope text primary key,
        coverage_start text not null,
        coverage_end text not null,
        updated_at text not null
      )`,
    ],
  },
  {
    version: 8,
    // Tokens may expire (`cli token create --expires-in 90d`); null = never.
    statements: ['alter table tokens add column expires_at text'],
  },
];

export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]?.version ?? 0;

/** Applies the migrations not yet applied, up to `upTo` (tests build an older schema with it). */
export async function migrate(store: Store, upTo = SCHEMA_VERSION): Promise<number[]> {
  return store.write(async (trx) => {
    await sql`create table if not exists schema_migrations (
      version integer primary key,
      applied_at text not null
    )`.execute(trx);
    const rows = await trx.selectFrom('schema_migrations').select('version').execute();
    const applied = new Set(rows.map((r) => Number(r.version)));
    const ran: number[] = [];
    for (const migration of MIGRATIONS) {
      if (applied.has(migration.version) || migration.version > upTo) continue;
      if (migration.before) await migration.before(trx);
      for (const statement of migration.statements) await sql.raw(statement).execute(trx);
      if (migration.after) await migration.after(trx);
      await trx
        .insertInto('schema_migrations')
        .values({ version: migration.version, applied_at: new Date().toISOString() })
        .execute();
      ran.push(migration.version);
    }
    return ran;
  });
}
