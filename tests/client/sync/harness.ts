import { foldAllAnswers, foldAnswers } from '../../../src/client/db/answers';
import { getRegistrations } from '../../../src/client/db/registration-queries';
import { saveNewRegistration } from '../../../src/client/db/registrations';
import type { Desa100Db, LocalRegistration } from '../../../src/client/db/schema';
import { createSyncStore, saveDeviceIdentity } from '../../../src/client/db/sync-store';
import { createSyncEngine, type SyncEngine, type SyncEngineDeps } from '../../../src/client/sync/engine';
import { nativeGzip } from '../../../src/client/sync/gzip';
import type { Timers } from '../../../src/client/sync/types';
import type { Registration } from '../../../src/shared/registration';
import { freshDb, makeRegistration, VILLAGE } from '../db/helpers';
import { FakeServer } from './fake-server';

export { VILLAGE, makeRegistration } from '../db/helpers';

/** A clock and timers that move only when the test says so: schedules are asserted exactly. */
export class ManualTimers implements Timers {
  now = Date.parse('2025-03-10T03:00:00Z');
  private next = 1;
  private readonly due = new Map<number, { at: number; callback: () => void; ms: number }>();

  set = (callback: () => void, ms: number): number => {
    const id = this.next++;
    this.due.set(id, { at: this.now + ms, callback, ms });
    return id;
  };

  clear = (handle: unknown): void => {
    this.due.delete(handle as number);
  };

  /** Delays of the timers still waiting, in the order they were set. */
  pendingDelays(): number[] {
    return [...this.due.values()].map((d) => d.ms);
  }

  /** Moves the clock and fires what fell due, earliest first. */
  advance(ms: number): void {
    const until = this.now + ms;
    for (;;) {
      const [id, next] = [...this.due.entries()]
        .reduce<[number, { at: number; callback: () => void }] | []>((min, e) => (min[1] && min[1].at <= e[1].at ? min : e), []);
      if (id === undefined || !next || next.at > until) break;
      this.due.delete(id);
      this.now = next.at;
      next.callback();
    }
    this.now = until;
  }

  /** Fires the one timer the engine scheduled (the sync timer), whatever its delay. */
  fireNext(): number {
    const delays = this.pendingDelays();
    const ms = Math.min(...delays);
    this.advance(ms);
    return ms;
  }
}

export interface Harness {
  db: Desa100Db;
  server: FakeServer;
  timers: ManualTimers;
  engine: SyncEngine;
  token: string;
}

export async function setup(overrides: Partial<SyncEngineDeps> = {}, scope = VILLAGE): Promise<Harness> {
  const db = freshDb();
  const timers = new ManualTimers();
  const server = new FakeServer(() => timers.now);
  const { token, deviceId } = server.addDevice('operator', scope);
  await saveDeviceIdentity(db, { deviceId, token, role: 'operator', scope }, 'HP uji');
  const engine = createSyncEngine({
    store: createSyncStore(db), fetch: server.fetch, now: () => timers.now, timers, random: () => 0.5,
    gzip: nativeGzip(), ...overrides,
  });
  return { db, server, timers, engine, token };
}

/** Saves records the way the enrol form does (registration + create op in one transaction). */
export async function capture(db: Desa100Db, count: number, overrides: Partial<Record<keyof Registration, unknown>> = {}): Promise<Registration[]> {
  const saved: Registration[] = [];
  // One outer transaction: the saves nest in it, so a 1,200-record queue is quick to build.
  await db.transaction('rw', db.registrations, db.outbox, async () => {
    for (let i = 0; i < count; i++) {
      const reg = makeRegistration(overrides);
      await saveNewRegistration(db, reg);
      saved.push(reg);
    }
  });
  return saved;
}

/**
 * The stored row, with any stored push answer folded into it first (the engine folds them in
 * the background after a run; folding is idempotent, so the test does not race it).
 */
export async function local(db: Desa100Db, id: string): Promise<LocalRegistration> {
  await db.transaction('rw', [db.answers, db.registrations], () => foldAnswers(db, [id]));
  const row = await db.registrations.get(id);
  if (!row) throw new Error(`no local row ${id}`);
  return row;
}

function disagreements(rows: LocalRegistration[], h: Harness): string[] {
  const problems: string[] = [];
  for (const row of rows) {
    const remote = h.server.registrations.get(row.id);
    if (!remote) problems.push(`${row.id} missing on server`);
    else if (row.status !== remote.status || row.server?.version !== remote.version) {
      problems.push(`${row.id}: local ${row.status} v${row.server?.version} vs server ${remote.status} v${remote.version}`);
    }
  }
  return problems;
}

/**
 * Every record on the phone agrees with the server (status, version) and nothing is left
 * queued: as the screens read it (stored answers merged), then as stored once answers are folded.
 */
export async function expectConverged(h: Harness): Promise<void> {
  const ids = await h.db.registrations.toCollection().primaryKeys();
  const seen = disagreements(await getRegistrations(h.db, ids), h);
  if (seen.length > 0) throw new Error(`as read: ${seen.slice(0, 5).join('\n')}`);
  await foldAllAnswers(h.db);
  const stored = disagreements(await h.db.registrations.toArray(), h);
  if (stored.length > 0) throw new Error(`as stored: ${stored.slice(0, 5).join('\n')}`);
  if ((await h.db.answers.count()) !== 0) throw new Error('answers left unfolded');
  if ((await h.db.outbox.count()) !== 0) throw new Error('outbox not empty');
}
