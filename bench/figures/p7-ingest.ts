// P7: 50 simulated devices push batches concurrently into 500 villages over loopback HTTP, on
// the embedded database and on PostgreSQL; then the quota invariant is checked on the rows,
// and the same rows go through a bare INSERT loop in the same database (the physical limit).
import { randomUUID } from 'node:crypto';
import type { Registration } from '../../src/shared';
import { bareInsertSeconds, rowsOf } from '../lib/bare-insert';
import type { Figure, FigureContext } from '../lib/figure';
import { makeAgent, send } from '../lib/http';
import { checkQuotaInvariant } from '../lib/quota-invariant';
import type { Metric, Mode } from '../lib/report';
import { generateRegistrations } from '../lib/seed';
import { disposeLocation, newLocation, openAt, startServer, type Backend } from '../lib/server';
import { median, round } from '../lib/stats';
import { villageCodes } from '../lib/villages';

const DEVICES = 50;

interface Plan {
  runs: number;
  /** 500 in the full run (performance.md); a multiple of the 50 devices. */
  villages: number;
  /** Batches per device; device d's batch j goes to its village j mod (villages / 50). */
  batches: number;
  opsPerBatch: number;
  quota: number;
}

const PLANS: Record<Mode, Plan> = {
  // 40 per village against a quota of 30: every village ends with a waitlist.
  full: { runs: 3, villages: 500, batches: 10, opsPerBatch: 40, quota: 30 },
  // Quick (CI): 100 villages, 100 requests per database; waitlists still form (25 > 20).
  quick: { runs: 1, villages: 100, batches: 2, opsPerBatch: 25, quota: 20 },
};

interface RunOutcome {
  rate: number;
  bareRate: number;
  invariantOk: boolean;
  problems: string[];
}

export async function ingestRun(backend: Backend, plan: Plan, seed: number, ctx: FigureContext): Promise<RunOutcome> {
  const villages = villageCodes(plan.villages, { seed: 7 });
  const perDevice = plan.villages / DEVICES;
  const perVillage = (plan.batches / perDevice) * plan.opsPerBatch;
  // Records grouped by village, in the order devices will send them.
  const byVillage = new Map<string, Registration[]>(villages.map((v) => [v, []]));
  for (const reg of generateRegistrations({ seed, count: perVillage * plan.villages, villages })) {
    byVillage.get(reg.villageCode)?.push(reg);
  }
  // Device d: villages d*k .. d*k+k-1 (k = villages / 50); batch j takes the next slice of
  // village j mod k.
  const bodies: string[][] = [];
  const batches: Registration[][] = [];
  const deviceIds = Array.from({ length: DEVICES }, () => randomUUID());
  for (let d = 0; d < DEVICES; d++) {
    const mine: string[] = [];
    for (let j = 0; j < plan.batches; j++) {
      const village = villages[d * perDevice + (j % perDevice)] as string;
      const lap = Math.floor(j / perDevice);
      const regs = (byVillage.get(village) as Registration[]).slice(lap * plan.opsPerBatch, (lap + 1) * plan.opsPerBatch);
      batches.push(regs);
      const ops = regs.map((registration) => ({ opId: randomUUID(), type: 'registration.create', registration }));
      mine.push(JSON.stringify({ deviceId: deviceIds[d], ops }));
    }
    bodies.push(mine);
  }
  const total = batches.reduce((n, b) => n + b.length, 0);

  const loc = await newLocation(backend);
  try {
    const server = await startServer(loc, {
      tokens: villages.map((scope) => ({ role: 'operator' as const, scope })),
      defaultQuota: plan.quota,
    });
    let seconds: number;
    try {
      const agent = makeAgent(DEVICES);
      const start = performance.now();
      await Promise.all(bodies.map(async (mine, d) => {
        for (let j = 0; j < mine.length; j++) {
          const token = server.tokens[d * perDevice + (j % perDevice)] as string;
          const answer = await send(agent, `${server.url}/api/v1/sync/push`, 'POST', token, mine[j]);
          if (answer.status !== 200) throw new Error(`push answered ${answer.status}: ${answer.body.slice(0, 200)}`);
          const results = (JSON.parse(answer.body) as { results: Array<{ status: string }> }).results;
          const refused = results.filter((r) => r.status !== 'applied').length;
          if (refused > 0) throw new Error(`${refused} ops refused in a clean load`);
        }
      }));
      seconds = (performance.now() - start) / 1000;
      agent.destroy();
    } finally {
      await server.stop();
    }
    const store = await openAt(loc, false);
    let report;
    try {
      report = await checkQuotaInvariant(store, { rows: total, quota: plan.quota });
    } finally {
      await store.close();
    }
    const bare = await bareInsertSeconds(loc, rowsOf(batches));
    ctx.log(`P7 ${backend}: ${total} in ${seconds.toFixed(2)} s (${Math.round(total / seconds)}/s); bare loop ${bare.toFixed(2)} s; ` +
      `accepted ${report.accepted}, waitlisted ${report.waitlisted}, invariant ${report.ok ? 'held' : 'BROKEN'}`);
    return { rate: total / seconds, bareRate: total / bare, invariantOk: report.ok, problems: report.problems };
  } finally {
    await disposeLocation(loc);
  }
}

export const p7Ingest: Figure = {
  id: 'P7',
  title: 'server ingest: 50 devices pushing into 500 villages',
  timeoutMs: (mode) => (mode === 'full' ? 600_000 : 120_000),
  async run(ctx) {
    const plan = PLANS[ctx.mode];
    const metrics: Metric[] = [];
    for (const backend of ['sqlite', 'postgres'] as const) {
      const outcomes: RunOutcome[] = [];
      for (let r = 0; r < plan.runs; r++) outcomes.push(await ingestRun(backend, plan, 700 + r, ctx));
      const rate = median(outcomes.map((o) => o.rate));
      const ratio = median(outcomes.map((o) => o.rate / o.bareRate));
      const ok = outcomes.every((o) => o.invariantOk);
      const total = DEVICES * plan.batches * plan.opsPerBatch;
      const how = `${DEVICES} devices x ${plan.batches} batches x ${plan.opsPerBatch} ops = ${total} creates into ${plan.villages} villages, quota ${plan.quota}; median of ${plan.runs}`;
      const name = backend === 'sqlite' ? 'embedded' : 'PostgreSQL';
      metrics.push(
        { key: `P7.${backend}-rate`, what: `ingest, ${name}`, value: rate, unit: 'reg/s', direction: 'min', target: 3000, detail: how },
        { key: `P7.${backend}-vs-bare`, what: `ingest / bare INSERT loop, ${name}`, value: ratio, unit: 'x', direction: 'min', gate: true, detail: `bare loop: ${Math.round(median(outcomes.map((o) => o.bareRate)))} rows/s, same rows, same batches` },
        { key: `P7.${backend}-invariant`, what: `quota invariant, ${name}`, value: ok ? 1 : 0, unit: 'held', direction: 'min', target: 1, gate: true, detail: ok ? `${round(total)} rows checked per run` : outcomes.flatMap((o) => o.problems).slice(0, 3).join('; ') },
      );
    }
    return metrics;
  },
};
