// Parts the first paint does not need (the sync engine, the sync band) load right after it,
// in their own chunks. A chunk that cannot be fetched (offline before the service worker had
// cached it) is asked for again when the phone is back online, so sync is never lost for the
// session: the promise waits rather than rejects.

/** `load()`, tried again on each `online` event until it succeeds. Never rejects. */
export function importWhenReachable<T>(load: () => Promise<T>): Promise<T> {
  return new Promise((resolve) => {
    const attempt = () => {
      load().then(resolve, () => window.addEventListener('online', attempt, { once: true }));
    };
    attempt();
  });
}
