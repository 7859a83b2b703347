import { fileURLToPath } from 'node:url';
import { build, type Rolldown } from 'vite';

const ENTRY = fileURLToPath(new URL('./seed-entry.ts', import.meta.url));

/**
 * seed-entry.ts as one classic script defining `desa100Seed`. Run with page.evaluate (CDP
 * evaluation is not subject to the server's Content-Security-Policy, an inline tag would be).
 */
export async function buildSeedScript(): Promise<string> {
  const result = await build({
    configFile: false,
    logLevel: 'silent',
    build: {
      write: false,
      minify: false,
      lib: { entry: ENTRY, formats: ['iife'], name: 'desa100Seed', fileName: 'seed' },
    },
  });
  const outputs = (Array.isArray(result) ? result : [result]) as Rolldown.RolldownOutput[];
  const chunk = outputs.flatMap((o) => o.output).find((o) => o.type === 'chunk');
  if (!chunk || chunk.type !== 'chunk') throw new Error('seed bundle: no chunk');
  return chunk.code;
}
