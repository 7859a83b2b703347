import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA, type ManifestOptions } from 'vite-plugin-pwa';

const THEME_COLOUR = '#0b6e4f';

const manifest: Partial<ManifestOptions> = {
  id: '/',
  name: 'Desa100 — 1 Desa 100 Perlindungan',
  short_name: 'Desa100',
  description:
    'Pendaftaran pekerja rentan ke BPJS Ketenagakerjaan oleh perangkat desa, juga tanpa sinyal.',
  lang: 'id',
  dir: 'ltr',
  start_url: '/',
  scope: '/',
  display: 'standalone',
  orientation: 'portrait',
  theme_color: THEME_COLOUR,
  background_color: '#ffffff',
  categories: ['government', 'productivity'],
  icons: [
    { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
    { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
    { src: '/icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
  ],
};

/**
 * The shell's stylesheet (about 3 kB gzipped) inlined into index.html: on a first visit over 3G
 * it was a render-blocking request of its own before the boot screen could paint (P2's FCP).
 * Screens' own stylesheets still load with their chunks.
 */
function inlineEntryCss(): Plugin {
  return {
    name: 'desa100-inline-entry-css',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        const bundle = ctx.bundle;
        if (!bundle) return html;
        return html.replace(/<link rel="stylesheet"[^>]*href="\/(assets\/[^"]+\.css)"[^>]*>/g, (tag, file: string) => {
          const asset = bundle[file];
          return asset?.type === 'asset' ? `<style>${String(asset.source)}</style>` : tag;
        });
      },
    },
  };
}

/**
 * index.html runs public/boot.js instead of the app's entry, which it preloads: the entry is
 * fetched at once and run by boot.js after the first paint. Both at low priority, because the
 * boot screen needs neither: the HTML's own resources go first on a slow line (and Lighthouse
 * does not count it as holding the first paint, P2).
 */
function runAppAfterPaint(): Plugin {
  return {
    name: 'desa100-run-app-after-paint',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html) {
        const entry = /<script type="module" crossorigin src="(\/assets\/[^"]+\.js)"><\/script>/;
        if (!entry.test(html)) throw new Error('runAppAfterPaint: no entry script in index.html');
        return html
          .replace(entry, (_tag, src: string) =>
            `<link rel="modulepreload" crossorigin href="${src}" data-desa100-app>\n    <script type="module" src="/boot.js" fetchpriority="low"></script>`)
          // The entry's own imports (the bundler's runtime) likewise.
          .replace(/<link rel="modulepreload" crossorigin href=/g, '<link rel="modulepreload" crossorigin fetchpriority="low" href=');
      },
    },
  };
}

export default defineConfig({
  plugins: [
    react(),
    inlineEntryCss(),
    runAppAfterPaint(),
    VitePWA({
      // The app asks before it swaps versions (src/client/pwa): an operator mid-form must never
      // have the page reload under them.
      registerType: 'prompt',
      // Registered by src/client/pwa/sw-controller.ts with workbox-window: no injected script.
      injectRegister: false,
      manifest,
      includeAssets: ['icons/apple-touch-icon-180.png', 'icons/favicon-48.png'],
      workbox: {
        globPatterns: ['**/*.{js,css,html,png,svg,webmanifest}'],
        // Place files are ~500 regencies: the phone fetches only its own, cached at runtime below
        // (and kept in IndexedDB by the places loader).
        globIgnores: ['places/**'],
        navigateFallback: '/index.html',
        navigateFallbackDenylist: [/^\/api\//],
        cleanupOutdatedCaches: true,
        // First install: take the open page at once, so it works offline without a reload.
        // Updates still wait for the operator's "Perbarui" (skipWaiting stays off).
        clientsClaim: true,
        runtimeCaching: [
          {
            urlPattern: ({ url }) => url.pathname.startsWith('/places/') && url.pathname.endsWith('.json'),
            // Serve the cached list at once (offline, slow 3G) and refresh it in the background.
            handler: 'StaleWhileRevalidate',
            options: {
              cacheName: 'desa100-places',
              expiration: { maxEntries: 64 },
              cacheableResponse: { statuses: [200] },
            },
          },
        ],
      },
    }),
  ],
  server: {
    proxy: { '/api': 'http://127.0.0.1:8080' },
  },
  build: {
    // Phones in the field run current Chrome for Android; no legacy syntax to ship, and no
    // modulepreload polyfill (a browser without it just fetches the chunks a moment later).
    target: 'es2022',
    modulePreload: { polyfill: false },
    sourcemap: false,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            // Everything the entry imports statically runs on every route: one chunk, not a
            // dozen shared slivers (each its own request and gzip stream; P1 counts them all).
            { name: 'shell', tags: ['$initial'], priority: 2 },
            // The sync engine, its store and the band: loaded together right after the first
            // render (main.tsx, app/layout.tsx), and by the features that sync on demand.
            {
              name: 'sync',
              test: /[\\/]src[\\/]client[\\/](sync[\\/]|features[\\/]sync-status[\\/]|db[\\/]sync-store)/,
              priority: 1,
            },
          ],
        },
      },
      treeshake: {
        // These folders only declare things (schemas, repositories, strings): a module whose
        // exports nobody uses can go. Without this, the home screen would ship zod (~23 KB gzip)
        // because db/index.ts re-exports repositories that validate with it.
        moduleSideEffects: [
          { test: /\/src\/(shared|client\/db|client\/i18n)\/.*\.tsx?$/, sideEffects: false },
        ],
      },
    },
  },
});
