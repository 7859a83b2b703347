// Builds the bench pages (bench/pages/*.html) with Vite into bench/.tmp/pages, served under
// /__bench/: they import the app's own storage layer and sync engine from src/client, so the
// code measured is the code shipped, without any hook in the product.
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { PAGES_DIST } from './paths';

const page = (name: string) => fileURLToPath(new URL(`../pages/${name}.html`, import.meta.url));

let built: Promise<string> | null = null;

/** Builds the pages once per bench run. */
export function ensurePages(): Promise<string> {
  built ??= buildPages();
  return built;
}

export async function buildPages(): Promise<string> {
  await build({
    configFile: false,
    root: fileURLToPath(new URL('../pages/', import.meta.url)),
    base: '/__bench/',
    logLevel: 'warn',
    resolve: {
      // pouchdb-browser imports Node's `events`; the bench bundles a small stand-in.
      alias: { events: fileURLToPath(new URL('../pages/events-shim.ts', import.meta.url)) },
    },
    build: {
      outDir: PAGES_DIST,
      emptyOutDir: true,
      target: 'es2022',
      // Readable stacks when a page fails; size does not matter here.
      minify: false,
      rolldownOptions: { input: { storage: page('storage'), sync: page('sync'), pouch: page('pouch') } },
    },
  });
  return PAGES_DIST;
}
