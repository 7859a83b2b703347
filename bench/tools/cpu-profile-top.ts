// Summarises a V8 .cpuprofile (node --cpu-prof): self time per function and per file, the
// top N of each. Usage: node --import tsx bench/tools/cpu-profile-top.ts FILE [N]
import { readFileSync } from 'node:fs';

interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: Node[];
  samples: number[];
  timeDeltas: number[];
}

const [file, nArg] = process.argv.slice(2);
if (!file) {
  console.error('usage: cpu-profile-top FILE [N]');
  process.exit(2);
}
const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const selfUs = new Map<number, number>();
profile.samples.forEach((id, i) => selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
const total = [...selfUs.values()].reduce((a, b) => a + b, 0);
const byFn = new Map<string, number>();
const byFile = new Map<string, number>();
for (const [id, us] of selfUs) {
  const f = byId.get(id)?.callFrame;
  if (!f) continue;
  const short = f.url.replace(/^.*node_modules\//, '~/').replace(/^file:\/\/.*?\/(src|bench)\//, '$1/');
  const fn = `${f.functionName || '(anonymous)'} ${short}:${f.lineNumber + 1}`;
  byFn.set(fn, (byFn.get(fn) ?? 0) + us);
  const key = short.startsWith('~/') ? short.split('/').slice(0, 2).join('/') : short || '(native)';
  byFile.set(key, (byFile.get(key) ?? 0) + us);
}
const n = Number(nArg ?? 25);
const show = (title: string, map: Map<string, number>) => {
  console.log(`\n${title} (total ${(total / 1000).toFixed(0)} ms)`);
  for (const [k, us] of [...map].toSorted((a, b) => b[1] - a[1]).slice(0, n)) {
    console.log(`${((100 * us) / total).toFixed(1).padStart(5)}%  ${(us / 1000).toFixed(0).padStart(6)} ms  ${k}`);
  }
};
show('self time by function', byFn);
show('self time by package / file', byFile);
