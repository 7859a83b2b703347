import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { UseFormReturn } from 'react-hook-form';
import { createDraftWriter, db, deleteDraft } from '../../db';
import type { EnrolFormValues } from './form-schema';
import { setUnsavedInput } from './unsaved-input';

/** Deep equality of form values, key order ignored. */
export function sameValues(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  return ka.every((k) => sameValues((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

export interface DraftAutosave {
  /** The form differs from where it started (empty, or the saved record): a draft exists. */
  unsaved: boolean;
  /** Stop writing (a save is about to delete the draft in its own transaction). */
  pause(): void;
  /** Write again (the save failed: what is typed must survive a crash). */
  resume(): void;
  /** Delete the draft and go back to the starting values, on purpose. */
  discard(): Promise<void>;
}

/**
 * Persists the form as the operator types (debounced into `drafts`), and tells the app shell
 * while there is unsaved input. Input equal to the starting values is no draft at all.
 */
export function useDraftAutosave(
  form: UseFormReturn<EnrolFormValues, unknown, unknown>,
  draftId: string,
  registrationId: string | null,
  baseline: EnrolFormValues,
  onError: (err: unknown) => void,
): DraftAutosave {
  const writer = useMemo(
    () => createDraftWriter(db, draftId, registrationId, 300, onError),
    [draftId, registrationId, onError],
  );
  const [unsaved, setUnsaved] = useState(() => !sameValues(form.getValues(), baseline));
  // A ref, not state: a keystroke between pause() and the next render must not write.
  const paused = useRef(false);

  useEffect(() => {
    const sub = form.watch((values) => {
      if (paused.current) return;
      const differs = !sameValues(values, baseline);
      setUnsaved(differs);
      if (differs) {
        writer.schedule(values as Record<string, unknown>);
      } else {
        writer.cancel();
        deleteDraft(db, draftId).catch(onError);
      }
    });
    return () => sub.unsubscribe();
  }, [form, writer, baseline, draftId, onError]);

  // Leaving the screen or the app going to the background: write now, not in 300 ms.
  useEffect(() => {
    const flush = () => void writer.flush();
    const onVisibility = () => document.visibilityState === 'hidden' && flush();
    window.addEventListener('pagehide', flush);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      window.removeEventListener('pagehide', flush);
      document.removeEventListener('visibilitychange', onVisibility);
      flush();
    };
  }, [writer]);

  useEffect(() => {
    setUnsavedInput(unsaved);
  }, [unsaved]);
  useEffect(() => () => setUnsavedInput(false), []);

  const pause = useCallback(() => {
    paused.current = true;
    writer.cancel();
  }, [writer]);
  const resume = useCallback(() => {
    paused.current = false;
    writer.schedule(form.getValues() as unknown as Record<string, unknown>);
  }, [writer, form]);
  const discard = useCallback(async () => {
    writer.cancel();
    await deleteDraft(db, draftId);
    form.reset(baseline);
    setUnsaved(false);
  }, [writer, draftId, form, baseline]);

  return { unsaved, pause, resume, discard };
}
