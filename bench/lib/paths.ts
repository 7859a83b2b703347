import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const DIST = fileURLToPath(new URL('../../dist/', import.meta.url));
/** Git-ignored scratch space: temp databases, browser profiles, the built bench pages. */
export const BENCH_TMP = fileURLToPath(new URL('../.tmp/', import.meta.url));
export const PAGES_DIST = fileURLToPath(new URL('../.tmp/pages/', import.meta.url));
export const RESULTS = fileURLToPath(new URL('../results.json', import.meta.url));
export const BASELINE = fileURLToPath(new URL('../baseline.json', import.meta.url));
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

mkdirSync(BENCH_TMP, { recursive: true });
