import { useEffect } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { appDb, hasUnsavedDraft } from '../db/app-state';

/**
 * Whether the enrol form is open with input not yet saved as a registration. The form writes a
 * draft (the `drafts` table) from the first keystroke until the record is saved or the draft
 * discarded. A draft left behind on another screen is safe in IndexedDB and comes back after a
 * reload, so it only counts while the form is on screen (the last keystrokes may still be in
 * memory, waiting for the debounced write).
 */
export function useUnsavedInput(formOpen: boolean): boolean {
  const draft = useLiveQuery(() => (formOpen ? hasUnsavedDraft(appDb()) : false), [formOpen], false);
  return formOpen && draft;
}

/** The browser's own "leave site?" question while there is unsaved input. */
export function useBeforeUnloadWarning(active: boolean): void {
  useEffect(() => {
    if (!active) return;
    const warn = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      // Older Chromium (Android WebView) still needs returnValue set to show the dialog.
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [active]);
}
