import { withStorageErrors } from './errors';
import type { Desa100Db, Draft } from './schema';

// Half-filled forms. One draft for the next new registration, one per record being edited:
// the operator who is interrupted mid-form finds it where they left it, after a reload, a
// crash or an app update.

export const NEW_DRAFT_ID = 'new';

export function editDraftId(registrationId: string): string {
  return `edit:${registrationId}`;
}

export function draftIdFor(registrationId: string | null | undefined): string {
  return registrationId ? editDraftId(registrationId) : NEW_DRAFT_ID;
}

export async function getDraft(db: Desa100Db, id: string): Promise<Draft | undefined> {
  return withStorageErrors(() => db.drafts.get(id));
}

export async function saveDraft(
  db: Desa100Db,
  id: string,
  registrationId: string | null,
  values: Record<string, unknown>,
): Promise<void> {
  await withStorageErrors(() =>
    db.drafts.put({ id, registrationId, values, updatedAt: new Date().toISOString() }),
  );
}

export async function deleteDraft(db: Desa100Db, id: string): Promise<void> {
  await withStorageErrors(() => db.drafts.delete(id));
}

/** Every draft, newest first (a handful at most). */
export async function listDrafts(db: Desa100Db): Promise<Draft[]> {
  // Dexie's Collection#reverse (index order), not Array#reverse: nothing is mutated.
  // oxlint-disable-next-line unicorn/no-array-reverse
  return withStorageErrors(() => db.drafts.orderBy('updatedAt').reverse().toArray());
}

export interface DraftWriter {
  /** Remembers the latest values; they are written after `delayMs` without a newer call. */
  schedule(values: Record<string, unknown>): void;
  /** Writes what is waiting now (leaving the screen, the page going to the background). */
  flush(): Promise<void>;
  /** Forgets what is waiting (after a save or a discard): nothing stale is written later. */
  cancel(): void;
}

/**
 * Debounces draft writes: typing fires a change per key, and one IndexedDB write per key
 * would compete with the form for a slow phone's CPU.
 */
export function createDraftWriter(
  db: Desa100Db,
  id: string,
  registrationId: string | null,
  delayMs = 300,
  onError: (err: unknown) => void = () => {},
): DraftWriter {
  let waiting: Record<string, unknown> | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;

  const write = async (): Promise<void> => {
    if (timer) clearTimeout(timer);
    timer = null;
    const values = waiting;
    waiting = null;
    if (!values) return;
    try {
      await saveDraft(db, id, registrationId, values);
    } catch (err) {
      onError(err);
    }
  };

  return {
    schedule(values) {
      waiting = values;
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => void write(), delayMs);
    },
    flush: write,
    cancel() {
      if (timer) clearTimeout(timer);
      timer = null;
      waiting = null;
    },
  };
}
