// `npm test`: every check, in the order that fails fastest. Exits non-zero on the first failure.
import { spawnSync } from 'node:child_process';

const steps = [
  ['typecheck', 'npm', ['run', '--silent', 'typecheck']],
  ['lint', 'npm', ['run', '--silent', 'lint']],
  ['unit, component and server tests', 'npx', ['vitest', 'run', '--project', 'shared', '--project', 'server', '--project', 'client']],
  ['production build', 'npm', ['run', '--silent', 'build']],
  ['end-to-end tests (Chromium)', 'npx', ['vitest', 'run', '--project', 'e2e']],
];

for (const [label, cmd, args] of steps) {
  console.log(`\n=== ${label}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: process.env });
  if (r.status !== 0) {
    console.error(`\n${label} failed`);
    process.exit(r.status ?? 1);
  }
}
