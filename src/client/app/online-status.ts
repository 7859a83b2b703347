import { useSyncExternalStore } from 'react';

// navigator.onLine says "a network is attached", not "the server answers": good enough for the
// header light; the sync engine reports whether the server was actually reached.

function subscribe(onChange: () => void): () => void {
  window.addEventListener('online', onChange);
  window.addEventListener('offline', onChange);
  return () => {
    window.removeEventListener('online', onChange);
    window.removeEventListener('offline', onChange);
  };
}

export function useOnline(): boolean {
  return useSyncExternalStore(subscribe, () => navigator.onLine, () => true);
}
