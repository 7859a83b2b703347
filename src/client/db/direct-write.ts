import Dexie, { RangeSet, type ObservabilitySet } from 'dexie';
import type { Desa100Db } from './schema';

// One write transaction opened on IndexedDB itself, for the operator's one hot write: saving a
// new registration (performance P3: at most 1.5x a raw `put`). Dexie's own transaction costs
// about 1 ms more here (its promise zones and middleware), more than the second row does.
// Dexie stays the door for everything else, and is told of the change, so that live queries
// (roster, quota meter, sync counts), in this tab and in others, see it as if Dexie had made it.

export type DirectWrite = (stores: (name: string) => IDBObjectStore) => void;

/** Every key, from the lowest to the highest (Dexie marks a whole table changed so). */
const all = () => new RangeSet(-Infinity, [[[]]]);

/** Every index and key of `tables` marked changed: what live queries over them must re-read. */
function everythingIn(db: Desa100Db, tables: readonly string[]): ObservabilitySet {
  const parts: ObservabilitySet = {};
  for (const name of tables) {
    const prefix = `idb://${db.name}/${name}/`;
    for (const index of db.table(name).schema.indexes) parts[`${prefix}${index.name}`] = all();
    parts[prefix] = all();
    parts[`${prefix}:dels`] = all();
  }
  return parts;
}

/**
 * Runs `write` in one native read-write transaction over `tables`; resolves once it has
 * committed. Inside a Dexie transaction it must not be used (the native one would wait for it):
 * callers check `Dexie.currentTransaction` and take Dexie's way there.
 */
export async function writeDirect(db: Desa100Db, tables: readonly string[], write: DirectWrite): Promise<void> {
  if (!db.isOpen()) await db.open();
  const tx = db.backendDB().transaction([...tables], 'readwrite');
  const committed = new Promise<void>((resolve, reject) => {
    tx.addEventListener('complete', () => resolve());
    // A failed request aborts the transaction: its error (ConstraintError, QuotaExceededError)
    // is the transaction's.
    tx.addEventListener('abort', () => reject(tx.error ?? new DOMException('Transaction aborted', 'AbortError')));
  });
  try {
    write((name) => tx.objectStore(name));
  } catch (error) {
    // A request refused at once (a key it cannot take): nothing of the transaction stays.
    committed.catch(() => undefined);
    tx.abort();
    throw error;
  }
  await committed;
  Dexie.on('storagemutated').fire(everythingIn(db, tables));
}
