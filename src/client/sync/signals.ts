/**
 * "Worth trying now" signals for the engine: the network came back, or the app came back to the
 * foreground with a network (a phone left in a pocket all day is opened by the operator, who
 * expects the day's records to go at once, not when the backoff timer says). Returns the
 * unsubscribe.
 */
export function onConnectivity(
  listener: () => void,
  win: Window = window,
  doc: Document = document,
): () => void {
  const onVisible = () => {
    if (doc.visibilityState === 'visible' && win.navigator.onLine) listener();
  };
  win.addEventListener('online', listener);
  doc.addEventListener('visibilitychange', onVisible);
  return () => {
    win.removeEventListener('online', listener);
    doc.removeEventListener('visibilitychange', onVisible);
  };
}
