// The PWA as `npm run build` makes it (the project's own vite.config.ts), built into the
// bench's scratch folder with a manifest, so that the bench never overwrites dist/ under an
// engineer or a test run, and P1 can read the module graph Vite itself wrote.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { build } from 'vite';
import { BENCH_TMP, ROOT } from './paths';

export const APP_DIST = join(BENCH_TMP, 'app');

let built: Promise<string> | null = null;

export function ensureAppBuild(): Promise<string> {
  built ??= (async () => {
    // Place files are generated, not committed: the same step `npm run build` runs first.
    if (!existsSync(join(ROOT, 'public/places/index.json'))) {
      const r = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts/build-places.mjs')], { cwd: ROOT, stdio: 'inherit' });
      if (r.status !== 0) throw new Error('build-places failed');
    }
    await build({
      configFile: join(ROOT, 'vite.config.ts'),
      root: ROOT,
      logLevel: 'warn',
      build: { outDir: APP_DIST, emptyOutDir: true, manifest: true },
    });
    return APP_DIST;
  })();
  return built;
}
