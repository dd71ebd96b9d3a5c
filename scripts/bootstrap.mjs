// Entry point of `npm start`, `npm test` and `npm run bench`: plain JavaScript, so that it runs
// before the dependencies (tsx among them) are installed. Installs them when missing or stale,
// then hands over to the TypeScript script of the same name.
//
// The process chain is npm → this script → node running the TypeScript script (package.json's
// `exec` keeps npm's shell out of it). A stop request reaching any of them travels down: npm passes
// SIGINT and SIGTERM to this script, this script to its child, and the child stops the server and
// the private cluster, then exits; each parent exits with it.
import { spawn } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const command = process.argv[2];
const scripts = { start: 'start.ts', test: 'test.ts', bench: 'bench.ts' };
const PARENT_CHECK_MS = 500;

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

let child = null;
let stopRequested = false;

/** Passes a stop request to the running child; the child's exit then ends this process. */
function requestStop(signal) {
  stopRequested = true;
  child?.kill(signal);
}

/** Runs a command with inherited output; resolves with its exit code (1 when killed by a signal). */
function runChild(executable, args) {
  return new Promise((resolve) => {
    child = spawn(executable, args, { cwd: root, stdio: 'inherit' });
    child.on('error', (error) => {
      console.error(`${executable} could not start: ${error.message}`);
      resolve(1);
    });
    child.on('exit', (code) => resolve(code ?? 1));
  });
}

// The terminal sends Ctrl-C to the whole process group; a signal sent to one PID is passed on.
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => requestStop(signal));
// Run by npm, this process must not outlive it: were npm killed outright (SIGKILL), the server and
// the private cluster would keep running with nobody left to stop them.
if (process.env.npm_lifecycle_event) {
  const parent = process.ppid;
  const watch = setInterval(() => process.ppid !== parent && requestStop('SIGTERM'), PARENT_CHECK_MS);
  watch.unref();
}

if (dependenciesAreStale()) {
  console.log('Installing the npm dependencies (npm ci)…');
  const installed = await runChild('npm', ['ci', '--no-audit', '--no-fund']);
  if (installed !== 0) process.exit(installed);
}
if (stopRequested) process.exit(1);
// node itself with tsx's loader: the tsx command would put one more process between us and the script.
const script = join(root, 'scripts', scripts[command]);
process.exit(await runChild(process.execPath, ['--import', 'tsx', script, ...process.argv.slice(3)]));
