// `npm start`: builds the PWA when dist/ is missing, then runs the server (PWA + API) in this
// process's place. Environment: PORT, HOST, DATABASE_URL, DATA_DIR, LOG_LEVEL (see src/server/env.ts).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

if (!existsSync(join(root, 'dist', 'index.html'))) {
  console.log('dist/index.html missing: running npm run build first');
  const build = spawnSync(npm, ['run', '--silent', 'build'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) {
    console.error('build failed; not starting the server');
    process.exit(build.status ?? 1);
  }
}

const tsx = join(root, 'node_modules', '.bin', process.platform === 'win32' ? 'tsx.cmd' : 'tsx');
const server = spawn(tsx, [join(root, 'src', 'server', 'main.ts')], { cwd: root, stdio: 'inherit' });
// Signals go to the server so that it closes the database cleanly.
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
