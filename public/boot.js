// The page's first script in a build (vite.config.ts puts it in index.html in place of the
// app's entry, which it preloads): the app's code runs only once the browser has painted the
// boot screen (its first contentful paint). Installed, the PWA gets its files from the service
// worker's cache at once, and evaluating them (hundreds of ms on a cheap phone) would otherwise
// hold the first frame: white where "Memuat…" should be. Plain JS at a fixed name: it reads
// the entry's hashed name from the page, so it never changes.
/** @type {HTMLLinkElement | null} */
const entry = document.querySelector('link[data-desa100-app]');
let tries = 0;

/** @param {string} href */
function load(href) {
  // A failed module fetch stays failed for its URL in this page: a retry asks under another.
  const url = tries === 0 ? href : `${href}?retry=${tries}`;
  tries += 1;
  import(url).catch(() => window.addEventListener('online', () => load(href), { once: true }));
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
