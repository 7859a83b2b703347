// The figures of one run, the printed table, and the regression check against the committed
// baseline (bench/baseline.json). Kept free of I/O so that tests/server/bench-report.test.ts
// can check it.
import { round } from './stats';

export type Mode = 'quick' | 'full';
/** Which way is good: `max` = the value must stay at or under the target, `min` = at or over. */
export type Direction = 'max' | 'min';

export interface Metric {
  /** `P3.save-vs-raw`: the figure id, a dot, a name. */
  key: string;
  what: string;
  value: number | null;
  unit: string;
  direction: Direction;
  /** The limit from performance.md, if this metric has one. */
  target?: number;
  /** Checked against the baseline in quick mode (same-run ratios and deterministic sizes). */
  gate?: boolean;
  /** How it was made: samples, runs, what it was compared with. */
  detail?: string;
  /** Why there is no value (a figure that could not be measured here). */
  skipped?: string;
}

export interface RunResult {
  mode: Mode;
  startedAt: string;
  finishedAt: string;
  machine: { cpus: number; node: string; chromium: string | null };
  metrics: Metric[];
  errors: Array<{ figure: string; message: string }>;
}

export type Verdict = 'pass' | 'MISS' | 'info' | 'skip';

export function verdict(m: Metric): Verdict {
  if (m.value === null) return 'skip';
  if (m.target === undefined) return 'info';
  const ok = m.direction === 'max' ? m.value <= m.target : m.value >= m.target;
  return ok ? 'pass' : 'MISS';
}

function targetText(m: Metric): string {
  if (m.target === undefined) return '';
  return `${m.direction === 'max' ? '<=' : '>='} ${m.target}${m.unit === 'x' ? 'x' : ` ${m.unit}`}`;
}

function valueText(m: Metric): string {
  if (m.value === null) return 'n/a';
  return m.unit === 'x' ? `${round(m.value)}x` : `${round(m.value)} ${m.unit}`;
}

const line = (cells: string[]) => `| ${cells.map((c) => c.replace(/\|/g, '\\|')).join(' | ')} |`;

/** A Markdown table: printed by the runner and pasted into BENCHMARKS.md. */
export function formatTable(metrics: readonly Metric[]): string {
  const rows = metrics.map((m) => [m.key, m.what, valueText(m), targetText(m), verdict(m), m.skipped ?? m.detail ?? '']);
  const head = ['figure', 'what', 'value', 'target', 'verdict', 'how / why'];
  return [line(head), line(head.map(() => '---')), ...rows.map(line)].join('\n');
}

/** bench/baseline.json: per mode, the gated metrics' values of a good run. */
export type Baseline = Partial<Record<Mode, Record<string, { value: number; direction: Direction }>>>;

export interface Regression {
  key: string;
  baseline: number;
  value: number;
  factor: number;
}

/**
 * Gated metrics that got worse than the baseline by more than `factor` (default 2x): a `max`
 * metric above factor x baseline, a `min` metric below baseline / factor. A gated metric that
 * is missing from this run (skipped, or its figure failed) counts as a regression too: a
 * check that silently stopped running would otherwise pass forever.
 */
export function findRegressions(
  metrics: readonly Metric[], baseline: Baseline, mode: Mode, factor = 2,
): Regression[] {
  const base = baseline[mode] ?? {};
  const byKey = new Map(metrics.map((m) => [m.key, m]));
  const out: Regression[] = [];
  for (const [key, b] of Object.entries(base)) {
    const m = byKey.get(key);
    if (!m || m.value === null) {
      out.push({ key, baseline: b.value, value: Number.NaN, factor: Number.NaN });
      continue;
    }
    const worse = b.direction === 'max' ? m.value / b.value : b.value / m.value;
    if (worse > factor) out.push({ key, baseline: b.value, value: m.value, factor: worse });
  }
  return out;
}

/** The baseline entries this run would write (`--write-baseline`). */
export function baselineOf(metrics: readonly Metric[]): Record<string, { value: number; direction: Direction }> {
  const out: Record<string, { value: number; direction: Direction }> = {};
  for (const m of metrics) {
    if (m.gate && m.value !== null && m.value > 0) out[m.key] = { value: round(m.value), direction: m.direction };
  }
  return out;
}
