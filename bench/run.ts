// `npm run bench [-- --quick] [-- --only P7,P8] [-- --write-baseline]`: measures the figures of
// ../shared/spec/performance.md, writes bench/results.json, prints the table, and in quick mode
// exits non-zero when a gated figure regressed more than 2x against bench/baseline.json.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { cleanupAll, withTimeout } from './lib/cleanup';
import { chromiumVersion } from './lib/chromium';
import type { Figure } from './lib/figure';
import { BASELINE, RESULTS } from './lib/paths';
import {
  baselineOf, findRegressions, formatTable, type Baseline, type Metric, type Mode, type RunResult,
} from './lib/report';
import { FIGURES } from './figures';

function parseArgs(argv: string[]) {
  const only = argv.find((a) => a.startsWith('--only='))?.slice(7) ?? (argv.includes('--only') ? argv[argv.indexOf('--only') + 1] : undefined);
  return {
    mode: (argv.includes('--quick') ? 'quick' : 'full') as Mode,
    only: only ? new Set(only.split(',').map((s) => s.trim().toUpperCase())) : null,
    writeBaseline: argv.includes('--write-baseline'),
  };
}

const log = (message: string) => console.log(`  ${message}`);

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  const figures: Figure[] = FIGURES.filter((f) => !args.only || f.id.split('+').some((id) => args.only?.has(id)));
  const startedAt = new Date().toISOString();
  const metrics: Metric[] = [];
  const errors: RunResult['errors'] = [];
  for (const figure of figures) {
    const t0 = performance.now();
    console.log(`\n${figure.id}: ${figure.title} (${args.mode})`);
    try {
      metrics.push(...(await withTimeout(figure.id, figure.timeoutMs(args.mode), () => figure.run({ mode: args.mode, log }))));
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      console.error(`  ${figure.id} failed: ${message}`);
      errors.push({ figure: figure.id, message });
    } finally {
      // Whatever the figure left running (after a timeout or a throw) is stopped here.
      await cleanupAll();
    }
    console.log(`  (${((performance.now() - t0) / 1000).toFixed(1)} s)`);
  }

  const result: RunResult = {
    mode: args.mode,
    startedAt,
    finishedAt: new Date().toISOString(),
    machine: { cpus: cpus().length, node: process.version, chromium: chromiumVersion() },
    metrics,
    errors,
  };
  writeFileSync(RESULTS, `${JSON.stringify(result, null, 2)}\n`);
  console.log(`\n${formatTable(metrics)}\n`);
  console.log(`written: bench/results.json`);

  const baseline: Baseline = existsSync(BASELINE) ? (JSON.parse(readFileSync(BASELINE, 'utf8')) as Baseline) : {};
  if (args.writeBaseline) {
    if (errors.length > 0 || args.only) {
      console.error('not writing the baseline: only a complete run without errors may set it');
      return 1;
    }
    baseline[args.mode] = baselineOf(metrics);
    writeFileSync(BASELINE, `${JSON.stringify(baseline, null, 2)}\n`);
    console.log(`written: bench/baseline.json (${args.mode})`);
    return 0;
  }
  if (errors.length > 0) {
    console.error(`${errors.length} figure(s) failed: ${errors.map((e) => e.figure).join(', ')}`);
    return 1;
  }
  if (args.mode === 'quick') {
    const keep = args.only ? metrics.map((m) => m.key) : null;
    const regressions = findRegressions(metrics, baseline, 'quick').filter((r) => !keep || keep.includes(r.key));
    for (const r of regressions) {
      console.error(`REGRESSION ${r.key}: ${r.value} against baseline ${r.baseline} (${Number.isNaN(r.factor) ? 'missing' : `${r.factor.toFixed(2)}x worse`})`);
    }
    if (regressions.length > 0) return 1;
    console.log('no figure regressed more than 2x against bench/baseline.json');
  }
  return 0;
}

let exiting = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (exiting) return;
    exiting = true;
    console.error(`\n${signal}: stopping servers and browsers`);
    void cleanupAll().finally(() => process.exit(130));
  });
}

main()
  .then(async (code) => {
    await cleanupAll();
    process.exit(code);
  })
  .catch(async (error: unknown) => {
    console.error(error instanceof Error ? error.stack : error);
    await cleanupAll();
    process.exit(1);
  });
