// P2: Lighthouse (mobile: its default form factor, simulated slow 4G and 4x CPU slowdown) on the
// production build served by the real server, in the same Debian Chromium. Lighthouse is not a
// project dependency: it is fetched by `npx -y lighthouse@12.8.2` at run time; where that cannot
// run, the figure says so instead of a score.
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { ensureAppBuild } from '../lib/app-build';
import { CHROMIUM_ARGS } from '../lib/chromium';
import { onCleanup } from '../lib/cleanup';
import type { Figure } from '../lib/figure';
import { BENCH_TMP, CHROMIUM } from '../lib/paths';
import type { Metric, Mode } from '../lib/report';
import { disposeLocation, newLocation, startServer } from '../lib/server';
import { median } from '../lib/stats';

const LIGHTHOUSE = 'lighthouse@12.8.2';
// Quick mode (CI) leaves Lighthouse out: a minute per run, a registry fetch, and a score that
// follows the machine's load more than the code (see BENCHMARKS.md).
const RUNS: Record<Mode, number> = { full: 3, quick: 0 };

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv, timeoutMs: number): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    let out = '';
    const keep = (c: Buffer) => { out = (out + c.toString()).slice(-4000); };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    // Lighthouse starts its own Chromium: kill the whole process group on timeout or Ctrl-C.
    const kill = async () => {
      if (child.exitCode === null && child.pid) {
        try {
          process.kill(-child.pid, 'SIGKILL');
        } catch {
          // already gone
        }
      }
    };
    const unregister = onCleanup(kill);
    const timer = setTimeout(() => void kill(), timeoutMs);
    child.on('close', (code) => {
      clearTimeout(timer);
      unregister();
      resolve({ code, out });
    });
  });
}

interface Scores { performance: number; accessibility: number; failedA11y: string[]; timings: string }

const TIMINGS = ['first-contentful-paint', 'largest-contentful-paint', 'total-blocking-time', 'speed-index', 'cumulative-layout-shift'];

async function lighthouse(url: string): Promise<Scores | string> {
  const dir = await mkdtemp(join(BENCH_TMP, 'lh-'));
  try {
    const report = join(dir, 'report.json');
    const result = await run('npx', [
      '-y', LIGHTHOUSE, url, '--quiet', '--output=json', `--output-path=${report}`,
      '--only-categories=performance,accessibility', `--chrome-flags=${CHROMIUM_ARGS.join(' ')}`,
    ], { ...process.env, CHROME_PATH: CHROMIUM }, 180_000);
    if (result.code !== 0) return `lighthouse could not run here (exit ${result.code}): ${result.out.split('\n').filter(Boolean).slice(-2).join(' ')}`;
    const json = JSON.parse(await readFile(report, 'utf8')) as {
      categories: Record<string, { score: number | null }>;
      audits: Record<string, { score: number | null; scoreDisplayMode: string; displayValue?: string }>;
    };
    const failedA11y = Object.entries(json.audits)
      .filter(([, a]) => a.scoreDisplayMode === 'binary' && a.score === 0)
      .map(([id]) => id);
    // The metrics behind the score, so that a miss says which one (see BENCHMARKS.md).
    const timings = TIMINGS.map((id) => `${id.split('-').map((w) => w[0]).join('').toUpperCase()} ${json.audits[id]?.displayValue ?? '?'}`).join(', ');
    return { performance: json.categories.performance?.score ?? 0, accessibility: json.categories.accessibility?.score ?? 0, failedA11y, timings };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export const p2Lighthouse: Figure = {
  id: 'P2',
  title: 'Lighthouse mobile on the built PWA',
  timeoutMs: (mode) => (mode === 'full' ? 600_000 : 240_000),
  async run(ctx) {
    if (RUNS[ctx.mode] === 0) {
      return ['performance', 'accessibility'].map((k): Metric => ({
        key: `P2.${k}`, what: `Lighthouse ${k} (mobile)`, value: null, unit: 'score', direction: 'min', skipped: 'full mode only',
      }));
    }
    const dir = await ensureAppBuild();
    const loc = await newLocation('sqlite');
    const runs: Scores[] = [];
    let why: string | null = null;
    try {
      const server = await startServer(loc, { staticDir: dir, tokens: [] });
      try {
        for (let r = 0; r < RUNS[ctx.mode] && !why; r++) {
          let out = await lighthouse(`${server.url}/`);
          // Lighthouse's own trace recording fails now and then here (NO_NAVSTART): a run that
          // produced no scores is tried again, up to twice, before the figure gives up.
          for (let retry = 0; retry < 2 && typeof out === 'string' && /NO_NAVSTART|run Lighthouse again/i.test(out); retry++) {
            ctx.log(`P2: ${out}; trying the run again`);
            out = await lighthouse(`${server.url}/`);
          }
          if (typeof out === 'string') why = out;
          else {
            runs.push(out);
            ctx.log(`P2: performance ${out.performance} (${out.timings}), accessibility ${out.accessibility}${out.failedA11y.length ? ` (failing: ${out.failedA11y.join(', ')})` : ''}`);
          }
        }
      } finally {
        await server.stop();
      }
    } finally {
      await disposeLocation(loc);
    }
    const how = `${LIGHTHOUSE} via npx, mobile defaults (simulated throttling), /, median of ${runs.length}`;
    const metrics: Metric[] = [
      { key: 'P2.performance', what: 'Lighthouse performance (mobile)', value: why ? null : median(runs.map((r) => r.performance)), unit: 'score', direction: 'min', target: 0.98, detail: `${how}; last run ${runs.at(-1)?.timings ?? ''}` },
      { key: 'P2.accessibility', what: 'Lighthouse accessibility (mobile)', value: why ? null : median(runs.map((r) => r.accessibility)), unit: 'score', direction: 'min', target: 1, detail: how },
    ];
    if (why) for (const m of metrics) m.skipped = why;
    return metrics;
  },
};
