// What the bench pages put on `window`, typed once for the pages and for the Node side that
// drives them through page.evaluate().
export interface SeedSpec {
  seed: number;
  count: number;
  villages: string[];
}

export interface StorageBench {
  /** Stores `spec` as pulled records (the sync store's own pull path), in pages of 500. */
  seedPulled(dbName: string, spec: SeedSpec): Promise<number>;
  /**
   * Interleaved samples (ms), new records each: our saveNewRegistration; a raw IndexedDB put of
   * the registration row (the spec's limit); and, to tell Dexie's cost from the second row's,
   * a raw transaction putting the registration row and its outbox row.
   */
  saveSamples(dbName: string, spec: SeedSpec): Promise<{ ours: number[]; raw: number[]; raw2: number[] }>;
  /** Per-query samples (ms): our roster search + first 20 rows vs raw index reads of the same. */
  searchSamples(dbName: string, queries: string[], reps: number): Promise<{ ours: number[]; raw: number[]; hits: number[] }>;
}

export interface SyncBench {
  /** Enrols the page's database as an operator device and queues `spec` through the enrol repository. */
  queue(dbName: string, spec: SeedSpec, identity: { deviceId: string; token: string; scope: string }): Promise<number>;
  /** Runs the real sync engine once ("online"): ms until every result is stored, and the outcome. */
  /**
   * `statuses`: as the screens read them when syncNow() resolves (stored answers included);
   * `stored`: the rows themselves once the engine's background fold is done (`foldMs`).
   */
  sync(dbName: string): Promise<{
    ms: number; outbox: number; statuses: Record<string, number>; stored: Record<string, number>;
    foldMs: number; spent: Record<string, number>;
  }>;
}

export interface PouchBench {
  load(dbName: string, spec: SeedSpec): Promise<number>;
  replicate(dbName: string, remote: string): Promise<{ ms: number; written: number }>;
}

declare global {
  interface Window {
    benchStorage?: StorageBench;
    benchSync?: SyncBench;
    benchPouch?: PouchBench;
  }
}
