// `npm test`: every check, in the order that fails fastest. Exits non-zero on the first failure,
// and closes with one plain "N passed, N failed" line over every test that ran.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const reports = mkdtempSync(join(tmpdir(), 'desa100-test-'));
const vitest = (name, projects) => [
  'npx',
  ['vitest', 'run', ...projects.flatMap((p) => ['--project', p]),
    '--reporter=default', '--reporter=json', `--outputFile.json=${join(reports, `${name}.json`)}`],
  name,
];

const steps = [
  ['typecheck', 'npm', ['run', '--silent', 'typecheck']],
  ['lint', 'npm', ['run', '--silent', 'lint']],
  ['unit, component and server tests', ...vitest('unit', ['shared', 'server', 'client'])],
  ['production build', 'npm', ['run', '--silent', 'build']],
  ['end-to-end tests (Chromium)', ...vitest('e2e', ['e2e'])],
  // The benchmarks' quick mode (BENCHMARKS.md): same-run ratios and sizes, failing only on a
  // figure more than 2x worse than bench/baseline.json. No timed assertion: a regression gate.
  ['benchmark regression gate (npm run bench -- --quick)', 'npm', ['run', '--silent', 'bench', '--', '--quick']],
];

const totals = { passed: 0, failed: 0, skipped: 0 };
function count(report) {
  if (!report) return;
  try {
    const r = JSON.parse(readFileSync(join(reports, `${report}.json`), 'utf8'));
    totals.passed += r.numPassedTests ?? 0;
    totals.failed += r.numFailedTests ?? 0;
    totals.skipped += (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
  } catch {
    // A runner that died before writing its report: its failure is already the exit code.
  }
}

let status = 0;
for (const [label, cmd, args, report] of steps) {
  console.log(`\n=== ${label}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: process.env });
  count(report);
  if (r.status !== 0) {
    console.error(`\n${label} failed`);
    status = r.status ?? 1;
    break;
  }
}
rmSync(reports, { recursive: true, force: true });
console.log(`\n${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ''}`);
process.exit(status);
