import { useEffect, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { appDb, readStoragePersisted, saveStoragePersisted } from '../db/app-state';

// Without persistent storage the browser may evict IndexedDB when the phone runs short of
// space, and with it every record not yet synced. Ask once per start; remember the answer.

export async function requestPersistentStorage(): Promise<boolean | null> {
  const storage = navigator.storage;
  if (!storage?.persist) return null;
  try {
    const granted = (await storage.persisted()) || (await storage.persist());
    await saveStoragePersisted(appDb(), granted);
    return granted;
  } catch {
    return null; // not worth an error screen: the settings screen shows "unknown"
  }
}

export interface StorageStatus {
  /** null: not known yet or not supported by this browser. */
  persisted: boolean | null;
  usageBytes: number | null;
  quotaBytes: number | null;
}

export function useStorageStatus(): StorageStatus {
  const persisted = useLiveQuery(() => readStoragePersisted(appDb()), [], null);
  const [estimate, setEstimate] = useState<{ usage: number | null; quota: number | null }>({ usage: null, quota: null });
  useEffect(() => {
    let alive = true;
    navigator.storage?.estimate?.()
      .then((e) => { if (alive) setEstimate({ usage: e.usage ?? null, quota: e.quota ?? null }); })
      .catch(() => undefined);
    return () => { alive = false; };
  }, []);
  return { persisted, usageBytes: estimate.usage, quotaBytes: estimate.quota };
}
