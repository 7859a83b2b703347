// P1: gzip size of the JavaScript the enrolment screen needs before it is usable. Two views,
// both from the production build: Vite's manifest (the entry and its static imports, plus the
// enrol feature's chunk and its static imports), and what real Chromium fetched to render
// /daftar until its form is on screen (service worker blocked: no precaching in the count).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { ensureAppBuild } from '../lib/app-build';
import type { Figure } from '../lib/figure';
import type { Metric } from '../lib/report';
import { withSession } from '../lib/session';

interface ManifestChunk {
  file: string;
  src?: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
}
type Manifest = Record<string, ManifestChunk>;

/** Files of `keys` and everything they import statically, transitively. */
export function staticClosure(manifest: Manifest, keys: string[]): Set<string> {
  const files = new Set<string>();
  const seen = new Set<string>();
  const visit = (key: string) => {
    if (seen.has(key)) return;
    seen.add(key);
    const chunk = manifest[key];
    if (!chunk) throw new Error(`manifest has no ${key}`);
    files.add(chunk.file);
    for (const dep of chunk.imports ?? []) visit(dep);
  };
  keys.forEach(visit);
  return files;
}

const gzipKb = (dir: string, files: Iterable<string>) =>
  [...files].filter((f) => f.endsWith('.js')).reduce((n, f) => n + gzipSync(readFileSync(join(dir, f))).length, 0) / 1024;

export const p1Bundle: Figure = {
  id: 'P1',
  title: 'JavaScript of the enrolment route (gzip)',
  timeoutMs: () => 180_000,
  async run(ctx) {
    const dir = await ensureAppBuild();
    const manifest = JSON.parse(readFileSync(join(dir, '.vite/manifest.json'), 'utf8')) as Manifest;
    const enrolKey = Object.keys(manifest).find((k) => /src\/client\/features\/enrol\/index\.tsx?$/.test(k));
    if (!enrolKey) throw new Error('the build has no enrol feature chunk (src/client/features/enrol/index.ts)');
    const fromManifest = staticClosure(manifest, ['index.html', enrolKey]);

    const fetched = await withSession({ dist: true, distDir: dir }, async ({ page }) => {
      const scripts = new Set<string>();
      page.on('response', (res) => {
        const path = new URL(res.url()).pathname;
        if (path.endsWith('.js') && res.request().resourceType() === 'script') scripts.add(path.slice(1));
      });
      await page.goto('/daftar');
      await page.locator('input[name="nik"]').waitFor({ timeout: 30_000 });
      await page.waitForLoadState('networkidle');
      return scripts;
    });
    const missing = [...fromManifest].filter((f) => f.endsWith('.js') && !fetched.has(f));
    const extra = [...fetched].filter((f) => !fromManifest.has(f));
    ctx.log(`P1: manifest ${fromManifest.size} files, Chromium fetched ${fetched.size}; only in manifest: ${missing.join(', ') || 'none'}; only fetched: ${extra.join(', ') || 'none'}`);
    const all = new Set([...fromManifest, ...fetched]);
    const metrics: Metric[] = [
      { key: 'P1.enrol-js-gzip', what: 'JS for /daftar before usable (gzip)', value: gzipKb(dir, all), unit: 'KB', direction: 'max', target: 120, gate: true, detail: `${[...all].filter((f) => f.endsWith('.js')).length} chunks: entry + static imports + enrol chunk (manifest) and all JS Chromium fetched to show the form; gzip level 6` },
    ];
    return metrics;
  },
};
