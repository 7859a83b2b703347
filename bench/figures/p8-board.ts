// P8: the coordinator board (GET /api/v1/quotas) of Jawa Barat, 5,957 villages holding 600,000
// registrations, on both databases. Seeded straight into the tables; measured through the real
// route with inject(): server time, from the request entering Fastify to the last byte of JSON.
// Its floor, taken in the same run: the same answer bytes sent by a bare Fastify route (no auth,
// no query, no cache) through inject(), requests interleaved with ours, so that the gate compares
// a ratio and not a time that follows the machine's speed (sending 800 KB swung 6-20 ms here).
import Fastify from 'fastify';
import { buildApp } from '../../src/server/app';
import { CLI_ACTOR } from '../../src/server/auth/actor';
import { createToken } from '../../src/server/store/auth';
import { bulkSeed } from '../lib/bulk-seed';
import type { Figure, FigureContext } from '../lib/figure';
import type { Metric, Mode } from '../lib/report';
import { generateRegistrations } from '../lib/seed';
import { disposeLocation, newLocation, openAt, type Backend } from '../lib/server';
import { median, p95, round } from '../lib/stats';
import { villageCodes } from '../lib/villages';

const PLANS: Record<Mode, { registrations: number; samples: number }> = {
  full: { registrations: 600_000, samples: 300 },
  // The board reads one counter row per village, never the registrations: the quick mode keeps
  // all 5,957 villages and stores 2% of the records.
  quick: { registrations: 12_000, samples: 60 },
};

interface Measured { p95: number; median: number; bareMedian: number; bytes: number; seeded: number }

/** A route that only sends `body`: what any server pays to hand over the same answer. */
async function bareRoute(body: string) {
  const bare = Fastify();
  bare.get('/board', async (_request, reply) => reply.type('application/json; charset=utf-8').send(body));
  await bare.ready();
  return bare;
}

async function measure(backend: Backend, mode: Mode, ctx: FigureContext): Promise<Measured> {
  const plan = PLANS[mode];
  const villages = villageCodes(Number.POSITIVE_INFINITY, { prefix: '32' });
  const loc = await newLocation(backend);
  try {
    await (await openAt(loc)).close();
    const t0 = performance.now();
    const seeded = await bulkSeed(loc, generateRegistrations({ seed: 800, count: plan.registrations, villages }), 100);
    ctx.log(`P8 ${backend}: seeded ${seeded} registrations in ${villages.length} villages (${((performance.now() - t0) / 1000).toFixed(1)} s)`);
    const store = await openAt(loc, false);
    const app = await buildApp({ store });
    try {
      const { token } = await createToken(store, { role: 'coordinator', scope: '32', actor: CLI_ACTOR });
      const get = () => app.inject({ method: 'GET', url: '/api/v1/quotas?scope=32', headers: { authorization: `Bearer ${token}` } });
      let body = '';
      for (let i = 0; i < 10; i++) {
        const res = await get();
        if (res.statusCode !== 200) throw new Error(`board answered ${res.statusCode}: ${res.body.slice(0, 200)}`);
        const board = res.json<{ villages: unknown[]; totals: { accepted: number; waitlisted: number } }>();
        if (board.villages.length !== villages.length) throw new Error(`board has ${board.villages.length} villages`);
        if (board.totals.accepted + board.totals.waitlisted !== seeded) throw new Error('board totals do not match the seed');
        body = res.body;
      }
      const bare = await bareRoute(body);
      try {
        const getBare = () => bare.inject({ method: 'GET', url: '/board' });
        for (let i = 0; i < 10; i++) await getBare();
        const samples: number[] = [];
        const bareSamples: number[] = [];
        for (let i = 0; i < plan.samples; i++) {
          let start = performance.now();
          const res = await get();
          samples.push(performance.now() - start);
          if (res.statusCode !== 200) throw new Error(`board answered ${res.statusCode}`);
          start = performance.now();
          await getBare();
          bareSamples.push(performance.now() - start);
        }
        return { p95: p95(samples), median: median(samples), bareMedian: median(bareSamples), bytes: Buffer.byteLength(body), seeded };
      } finally {
        await bare.close();
      }
    } finally {
      await app.close();
      await store.close();
    }
  } finally {
    await disposeLocation(loc);
  }
}

export const p8Board: Figure = {
  id: 'P8',
  title: 'coordinator board: 5,957 villages',
  timeoutMs: (mode) => (mode === 'full' ? 600_000 : 120_000),
  async run(ctx) {
    const metrics: Metric[] = [];
    for (const backend of ['sqlite', 'postgres'] as const) {
      const r = await measure(backend, ctx.mode, ctx);
      metrics.push({
        key: `P8.${backend}-p95`,
        what: `GET /quotas p95, ${backend === 'sqlite' ? 'embedded' : 'PostgreSQL'}`,
        value: r.p95,
        unit: 'ms',
        direction: 'max',
        target: 100,
        detail: `${PLANS[ctx.mode].samples} requests via inject(); ${r.seeded} registrations, ${Math.round(r.bytes / 1024)} KB JSON`,
      }, {
        key: `P8.${backend}-median`,
        what: `GET /quotas median, ${backend === 'sqlite' ? 'embedded' : 'PostgreSQL'}`,
        value: r.median,
        unit: 'ms',
        direction: 'max',
        detail: 'same requests',
      }, {
        // The gate uses this ratio of medians: the times themselves follow the machine's speed.
        key: `P8.${backend}-vs-bare`,
        what: `GET /quotas median / the same bytes from a bare route, ${backend === 'sqlite' ? 'embedded' : 'PostgreSQL'}`,
        value: r.median / r.bareMedian,
        unit: 'x',
        direction: 'max',
        gate: true,
        detail: `bare: a Fastify route sending the same answer through inject(), interleaved; median ${round(r.bareMedian)} ms`,
      });
    }
    return metrics;
  },
};
