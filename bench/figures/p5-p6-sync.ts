// P5: 10,000 queued registrations synced by the app's engine from real Chromium to the
// embedded server over loopback: time from "online" to every result stored, and bytes on the
// wire against gzip of the records' JSON. P6: the same records replicated by PouchDB
// (pouchdb-browser, same Chromium) to express-pouchdb, timed the same way, in the same run.
import { randomUUID } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { launch } from '../lib/chromium';
import type { Figure, FigureContext } from '../lib/figure';
import { ensurePages } from '../lib/pages';
import { startPouchServer } from '../lib/pouch';
import type { Metric, Mode } from '../lib/report';
import { seedRegistrations } from '../lib/seed';
import { openBenchPage, withSession } from '../lib/session';
import { median, round } from '../lib/stats';
import { villageCodes } from '../lib/villages';

const PLANS: Record<Mode, { records: number; runs: number }> = {
  full: { records: 10_000, runs: 3 },
  quick: { records: 1_000, runs: 1 },
};

const settled = (counts: Record<string, number>) => (counts.accepted ?? 0) + (counts.waitlisted ?? 0);

interface OursRun { ms: number; wire: number; gzip: number; raw: number; foldMs: number; spent: Record<string, number> }

async function ours(records: number, seed: number, ctx: FigureContext): Promise<OursRun> {
  const [village] = villageCodes(1, { prefix: '32.14.16', seed });
  const spec = { seed, count: records, villages: [village as string] };
  const json = JSON.stringify(seedRegistrations(spec));
  return withSession({ tokens: [{ role: 'operator', scope: village as string }] }, async ({ server, page }) => {
    await openBenchPage(page, 'sync');
    const identity = { deviceId: randomUUID(), token: server.tokens[0] as string, scope: village as string };
    const t0 = performance.now();
    const queued = await page.evaluate(({ s, id }) => window.benchSync!.queue('bench-p5', s, id), { s: spec, id: identity });
    if (queued !== records) throw new Error(`${queued} ops queued, ${records} expected`);
    ctx.log(`P5: ${queued} registrations queued through saveNewRegistration (${((performance.now() - t0) / 1000).toFixed(1)} s)`);
    const before = await server.bytes();
    const result = await page.evaluate(() => window.benchSync!.sync('bench-p5'));
    const after = await server.bytes();
    if (result.outbox !== 0 || settled(result.statuses) !== records || settled(result.stored) !== records) {
      throw new Error(`sync left ${result.outbox} ops queued; records settled as read ${JSON.stringify(result.statuses)}, as stored ${JSON.stringify(result.stored)}`);
    }
    const wire = after.read - before.read + (after.written - before.written);
    ctx.log(`P5: synced in ${(result.ms / 1000).toFixed(2)} s; wire ${Math.round(wire / 1024)} KB (in ${Math.round((after.read - before.read) / 1024)}, out ${Math.round((after.written - before.written) / 1024)})`);
    const spent = Object.entries(result.spent).toSorted((a, b) => b[1] - a[1]).map(([k, v]) => `${k} ${(v / 1000).toFixed(2)} s`);
    ctx.log(`P5: time spent: ${spent.join(', ')}`);
    ctx.log(`P5: answers folded into the rows after the sync in ${(result.foldMs / 1000).toFixed(2)} s (background, not in the sync time)`);
    return { ms: result.ms, wire, gzip: gzipSync(json).length, raw: Buffer.byteLength(json), foldMs: result.foldMs, spent: result.spent };
  });
}

async function pouch(records: number, seed: number, run: number, ctx: FigureContext): Promise<{ ms: number; wire: number }> {
  const [village] = villageCodes(1, { prefix: '32.14.16', seed });
  const spec = { seed, count: records, villages: [village as string] };
  const server = await startPouchServer(await ensurePages());
  try {
    const browser = await launch({ baseURL: server.url });
    try {
      await openBenchPage(browser.page, 'pouch');
      await browser.page.evaluate((s) => window.benchPouch!.load('bench-p6', s), spec);
      const before = await server.bytes();
      const result = await browser.page.evaluate((remote) => window.benchPouch!.replicate('bench-p6', remote), `${server.url}/db/bench-${run}`);
      const after = await server.bytes();
      if (result.written !== records) throw new Error(`PouchDB wrote ${result.written} of ${records}`);
      const wire = after.read - before.read + (after.written - before.written);
      ctx.log(`P6: PouchDB replicated in ${(result.ms / 1000).toFixed(2)} s; wire ${Math.round(wire / 1024)} KB`);
      return { ms: result.ms, wire };
    } finally {
      await browser.close();
    }
  } finally {
    await server.stop();
  }
}

export const p5p6Sync: Figure = {
  id: 'P5+P6',
  title: 'sync of queued registrations, ours and PouchDB',
  timeoutMs: (mode) => (mode === 'full' ? 600_000 : 150_000),
  async run(ctx) {
    const plan = PLANS[ctx.mode];
    const runs: Array<{ ours: OursRun; pouch: { ms: number; wire: number } }> = [];
    for (let r = 0; r < plan.runs; r++) {
      const seed = 500 + r;
      runs.push({ ours: await ours(plan.records, seed, ctx), pouch: await pouch(plan.records, seed, r, ctx) });
    }
    const first = runs[0] as (typeof runs)[number];
    const how = `${plan.records} records, median of ${plan.runs}`;
    const metrics: Metric[] = [
      { key: 'P5.sync-s', what: `sync ${plan.records} queued: online to all stored`, value: median(runs.map((x) => x.ours.ms / 1000)), unit: 's', direction: 'max', target: plan.records === 10_000 ? 10 : undefined, detail: `${how}; push (500 per request) then pull, real engine over the app's IndexedDB${plan.records === 10_000 ? '' : '; target is for 10,000'}` },
      { key: 'P5.fold-s', what: 'answers folded into the records after the sync (background)', value: median(runs.map((x) => x.ours.foldMs / 1000)), unit: 's', direction: 'max', detail: 'not part of the sync time: the screens read the stored answers from the moment each batch is answered (src/client/db/answers.ts); the engine writes them into the registration rows afterwards, one answers row per transaction' },
      { key: 'P5.wire-vs-gzip', what: 'bytes on the wire / gzip of the records JSON', value: median(runs.map((x) => x.ours.wire / x.ours.gzip)), unit: 'x', direction: 'max', target: 1.3, gate: true, detail: `wire ${Math.round(first.ours.wire / 1024)} KB (both ways, headers included, push + pull); records JSON ${Math.round(first.ours.raw / 1024)} KB, gzip ${Math.round(first.ours.gzip / 1024)} KB` },
      { key: 'P6.pouch-vs-ours', what: 'PouchDB replication time / our sync time', value: median(runs.map((x) => x.pouch.ms / x.ours.ms)), unit: 'x', direction: 'min', target: 5, gate: true, detail: `PouchDB ${round(median(runs.map((x) => x.pouch.ms / 1000)))} s (defaults, express-pouchdb memory), wire ${Math.round(first.pouch.wire / 1024)} KB` },
    ];
    return metrics;
  },
};
