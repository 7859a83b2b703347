// P3 (saving one registration with 10,000 stored) and P4 (roster search over 10,000), in real
// Chromium IndexedDB through src/client/db, each next to raw IndexedDB calls in the same run.
import type { Figure } from '../lib/figure';
import type { Metric, Mode } from '../lib/report';
import { seedRegistrations } from '../lib/seed';
import { openBenchPage, withSession } from '../lib/session';
import { median, p95, round } from '../lib/stats';
import { villageCodes } from '../lib/villages';

const PLANS: Record<Mode, { stored: number; runs: number; saves: number; searchReps: number }> = {
  full: { stored: 10_000, runs: 5, saves: 200, searchReps: 3 },
  // Quick (CI): fewer stored; the ratios against raw IndexedDB hardly depend on the count.
  quick: { stored: 3_000, runs: 3, saves: 40, searchReps: 1 },
};

/** Queries an operator types: name prefixes of 1, 3 and 7+ letters; NIK starts, ends, whole. */
export function rosterQueries(names: string[], niks: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < names.length; i++) {
    const name = (names[i] as string).toLowerCase();
    const nik = niks[i] as string;
    // NIK start: region and birth day (8 digits); the region alone matches a whole district.
    out.push(name.slice(0, 1), name.slice(0, 3), name.slice(0, name.indexOf(' ') + 3), nik.slice(0, 8), nik.slice(-4), nik);
  }
  return out;
}

export const p3p4Storage: Figure = {
  id: 'P3+P4',
  title: 'storage layer in Chromium IndexedDB: save and search with 10,000 stored',
  timeoutMs: (mode) => (mode === 'full' ? 300_000 : 120_000),
  async run(ctx) {
    const plan = PLANS[ctx.mode];
    const villages = villageCodes(1, { prefix: '32.14.16' });
    return withSession({}, async ({ page }) => {
      await openBenchPage(page, 'storage');
      const spec = { seed: 300, count: plan.stored, villages };
      const t0 = performance.now();
      const stored = await page.evaluate((s) => window.benchStorage!.seedPulled('bench-p3', s), spec);
      ctx.log(`P3/P4: ${stored} registrations stored through the pull path (${((performance.now() - t0) / 1000).toFixed(1)} s)`);

      const saveP95: number[] = [];
      const saveRatio: number[] = [];
      let rawP95s: number[] = [];
      const raw2P95s: number[] = [];
      for (let r = 0; r < plan.runs; r++) {
        const samples = await page.evaluate(
          (s) => window.benchStorage!.saveSamples('bench-p3', s),
          { seed: 3000 + r, count: plan.saves * 3, villages },
        );
        saveP95.push(p95(samples.ours));
        rawP95s.push(p95(samples.raw));
        raw2P95s.push(p95(samples.raw2));
        saveRatio.push(p95(samples.ours) / p95(samples.raw));
      }
      rawP95s = rawP95s.map((v) => round(v));

      const sample = seedRegistrations({ seed: 300, count: 10, villages });
      const queries = rosterQueries(sample.map((r) => r.fullName), sample.map((r) => r.nik));
      const search = await page.evaluate(
        ({ q, reps }) => window.benchStorage!.searchSamples('bench-p3', q, reps),
        { q: queries, reps: plan.searchReps },
      );
      const metrics: Metric[] = [
        { key: 'P3.save-p95', what: `save one registration, ${plan.stored} stored: p95`, value: median(saveP95), unit: 'ms', direction: 'max', target: plan.stored === 10_000 ? 10 : undefined, detail: `saveNewRegistration (record + outbox in one transaction); ${plan.saves} saves per run, median of ${plan.runs} runs' p95` },
        { key: 'P3.save-vs-raw', what: 'save p95 / raw IndexedDB put p95', value: median(saveRatio), unit: 'x', direction: 'max', target: 1.5, gate: true, detail: `raw put p95 per run: ${rawP95s.join(', ')} ms; raw transaction of both rows (record + outbox op), median p95 ${round(median(raw2P95s))} ms; interleaved` },
        { key: 'P4.search-p95', what: `roster search over ${plan.stored}: p95 per query`, value: p95(search.ours), unit: 'ms', direction: 'max', target: plan.stored === 10_000 ? 30 : undefined, detail: `${queries.length} queries x ${plan.searchReps} (name 1/3/7+ letters, NIK first 8 / last 4 / all 16 digits): ids + first 20 rows; hits median ${median(search.hits)}, max ${Math.max(...search.hits)}` },
        { key: 'P4.search-vs-raw', what: 'search p95 / raw index reads p95', value: p95(search.ours) / p95(search.raw), unit: 'x', direction: 'max', gate: true, detail: `raw: IDBIndex.getAllKeys on the same ranges + 20 gets, p95 ${round(p95(search.raw))} ms` },
      ];
      return metrics;
    });
  },
};
