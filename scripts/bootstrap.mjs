// Entry point of `npm start`, `npm test` and `npm run bench`: plain JavaScript, so that it runs
// before the dependencies (tsx among them) are installed. Installs them when missing or stale,
// then hands over to the TypeScript script of the same name.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const command = process.argv[2];
const scripts = { start: 'start.ts', test: 'test.ts', bench: 'bench.ts' };

if (!(command in scripts)) {
  console.error(`usage: node scripts/bootstrap.mjs ${Object.keys(scripts).join('|')}`);
  process.exit(2);
}

/** True when node_modules is missing or older than the lock file. */
function dependenciesAreStale() {
  const installed = join(root, 'node_modules', '.package-lock.json');
  if (!existsSync(installed)) return true;
  return statSync(join(root, 'package-lock.json')).mtimeMs > statSync(installed).mtimeMs + 1000;
}

if (dependenciesAreStale()) {
  console.log('Installing the npm dependencies (npm ci)…');
  const install = spawnSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: root, stdio: 'inherit' });
  if (install.status !== 0) process.exit(install.status ?? 1);
}

const tsx = join(root, 'node_modules', '.bin', 'tsx');
const child = spawn(tsx, [join(root, 'scripts', scripts[command]), ...process.argv.slice(3)], {
  cwd: root,
  stdio: 'inherit',
});
// The terminal sends Ctrl-C to the whole process group; a kill from elsewhere is passed on.
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
