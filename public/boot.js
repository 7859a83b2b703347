// The page's first script in a build (vite.config.ts puts it in index.html in place of the
// app's entry, which it preloads): the app's code runs only once the browser has painted the
// boot screen (its first contentful paint). Installed, the PWA gets its files from the service
// worker's cache at once, and evaluating them (hundreds of ms on a cheap phone) would otherwise
// hold the first frame: white where "Memuat…" should be. Plain JS at a fixed name: it reads
// the entry's hashed name from the page, so it never changes.
/** @type {HTMLLinkElement | null} */
const entry = document.querySelector('link[data-desa100-app]');
// Reloads made because the app's code could not be fetched (this tab only).
const RETRIES = 'desa100-boot-retries';
const MAX_TIMED_RETRIES = 5;

/** Timed reloads so far in this tab; where storage is refused, as if all were spent. */
function retriesSoFar() {
  try {
    const count = Number(sessionStorage.getItem(RETRIES) ?? 0);
    // Anything but a count (edited by hand, say) must not become a reload loop.
    return Number.isInteger(count) && count >= 0 ? count : MAX_TIMED_RETRIES;
  } catch {
    return MAX_TIMED_RETRIES;
  }
}

/** @param {number | null} count null: forget the count. Returns whether it was kept. */
function keepRetries(count) {
  try {
    if (count === null) sessionStorage.removeItem(RETRIES);
    else sessionStorage.setItem(RETRIES, String(count));
    return true;
  } catch {
    return false;
  }
}

/** @param {string} href */
function load(href) {
  import(href).then(() => keepRetries(null), () => {
    // A module that failed to fetch stays failed in this page, and the screens' chunks import
    // the entry by its own URL: trying again means a new page. When the phone is back online;
    // and if the browser thinks it is online already (a dropped connection, a server restarting),
    // after 2, 4, 8, 16 and 32 s, then only on the next `online`. A count that cannot be kept
    // stops the timed reloads rather than looping.
    window.addEventListener('online', () => location.reload(), { once: true });
    if (!navigator.onLine) return;
    const retries = retriesSoFar();
    if (retries >= MAX_TIMED_RETRIES) return;
    setTimeout(() => {
      if (keepRetries(retries + 1)) location.reload();
    }, 2000 * 2 ** retries);
  });
}

let started = false;
function once() {
  if (started || !entry) return;
  started = true;
  load(entry.href);
}

// After the browser reports the first contentful paint (the boot screen). A hidden tab paints
// nothing: it starts at once; a browser that never reports paints, after a second.
if (document.visibilityState === 'hidden' || !PerformanceObserver.supportedEntryTypes?.includes('paint')) {
  once();
} else {
  new PerformanceObserver((list, observer) => {
    if (list.getEntriesByName('first-contentful-paint').length === 0) return;
    observer.disconnect();
    setTimeout(once, 0);
  }).observe({ type: 'paint', buffered: true });
  setTimeout(once, 1000);
}
