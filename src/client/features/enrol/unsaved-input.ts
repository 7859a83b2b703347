import { useSyncExternalStore } from 'react';

// Whether the enrol form on screen holds input that is not saved as a registration. Kept in
// memory (not read from the drafts table) because the draft is written ~300 ms after the last
// keystroke: an update applied in that gap would still lose the last characters.

let unsaved = false;
const listeners = new Set<() => void>();

export function setUnsavedInput(value: boolean): void {
  if (value === unsaved) return;
  unsaved = value;
  for (const listener of listeners) listener();
}

/** For code outside React (the update flow, a beforeunload handler). */
export function hasUnsavedInput(): boolean {
  return unsaved;
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** True while the enrol form shows input not yet saved: the app must not reload under it. */
export function useHasUnsavedInput(): boolean {
  return useSyncExternalStore(subscribe, hasUnsavedInput, () => false);
}
