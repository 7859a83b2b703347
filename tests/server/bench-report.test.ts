import { describe, expect, it } from 'vitest';
import { baselineOf, findRegressions, formatTable, verdict, type Metric } from '../../bench/lib/report';
import { median, p95, percentile } from '../../bench/lib/stats';

const metric = (key: string, value: number | null, direction: 'max' | 'min', extra: Partial<Metric> = {}): Metric => ({
  key, what: key, value, unit: 'x', direction, ...extra,
});

describe('bench statistics', () => {
  it('takes nearest-rank percentiles and medians', () => {
    const xs = Array.from({ length: 100 }, (_, i) => 100 - i);
    expect(p95(xs)).toBe(95);
    expect(percentile(xs, 100)).toBe(100);
    expect(percentile([7], 95)).toBe(7);
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(() => median([])).toThrow();
  });
});

describe('bench verdicts and baseline', () => {
  it('judges a value against its target in the right direction', () => {
    expect(verdict(metric('a', 9, 'max', { target: 10 }))).toBe('pass');
    expect(verdict(metric('a', 11, 'max', { target: 10 }))).toBe('MISS');
    expect(verdict(metric('a', 4, 'min', { target: 5 }))).toBe('MISS');
    expect(verdict(metric('a', 4, 'min'))).toBe('info');
    expect(verdict(metric('a', null, 'min', { target: 5, skipped: 'no lighthouse' }))).toBe('skip');
  });

  it('flags only regressions beyond 2x, each way', () => {
    const baseline = { quick: { slow: { value: 1.2, direction: 'max' as const }, fast: { value: 10, direction: 'min' as const } } };
    expect(findRegressions([metric('slow', 2.3, 'max'), metric('fast', 5.1, 'min')], baseline, 'quick')).toEqual([]);
    const bad = findRegressions([metric('slow', 2.5, 'max'), metric('fast', 4.9, 'min')], baseline, 'quick');
    expect(bad.map((r) => r.key)).toEqual(['slow', 'fast']);
    expect(bad[0]?.factor).toBeCloseTo(2.5 / 1.2);
  });

  it('counts a gated metric that stopped being measured as a regression', () => {
    const baseline = { quick: { gone: { value: 1, direction: 'max' as const } } };
    expect(findRegressions([], baseline, 'quick').map((r) => r.key)).toEqual(['gone']);
    expect(findRegressions([metric('gone', null, 'max')], baseline, 'quick')).toHaveLength(1);
    expect(findRegressions([], baseline, 'full')).toEqual([]);
  });

  it('writes only gated, measured metrics into a baseline', () => {
    const out = baselineOf([metric('g', 1.23456, 'max', { gate: true }), metric('n', 3, 'max'), metric('s', null, 'max', { gate: true })]);
    expect(out).toEqual({ g: { value: 1.235, direction: 'max' } });
  });

  it('prints a Markdown table with one row per metric', () => {
    const table = formatTable([metric('P3.save-vs-raw', 1.4, 'max', { target: 1.5, detail: 'a | b' })]);
    const lines = table.split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[2]).toContain('1.4x');
    expect(lines[2]).toContain('<= 1.5x');
    expect(lines[2]).toContain('pass');
    expect(lines[2]).toContain('a \\| b');
  });
});
