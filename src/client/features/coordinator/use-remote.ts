import { useCallback, useEffect, useState } from 'react';

export interface Remote<T> {
  data: T | null;
  error: unknown;
  loading: boolean;
  /** Fetches again (after a change this screen made); the old data stays shown meanwhile. */
  reload: () => void;
}

/** One server read for a view: refetched when `load` changes (wrap it in useCallback). */
export function useRemote<T>(load: () => Promise<T>): Remote<T> {
  const [round, setRound] = useState(0);
  const [state, setState] = useState<{ data: T | null; error: unknown; loading: boolean }>({
    data: null, error: null, loading: true,
  });
  useEffect(() => {
    let alive = true;
    load().then(
      (data) => alive && setState({ data, error: null, loading: false }),
      (error: unknown) => alive && setState((s) => ({ ...s, error, loading: false })),
    );
    return () => {
      alive = false;
    };
    // `round` is read by no line: it is the trigger reload() pulls to fetch again.
    // oxlint-disable-next-line react/exhaustive-effect-dependencies
  }, [load, round]);
  const reload = useCallback(() => setRound((r) => r + 1), []);
  return { ...state, reload };
}
