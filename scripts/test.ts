// `npm test`: type-check, unit, integration (real PostGIS), end-to-end (Debian's Chromium).
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openDatabase, projectRoot } from './lib/database.js';
import { run, stopRunningCommands } from './lib/run.js';
import { onStopRequest } from './lib/stop-requests.js';
import { ensureChromium } from './lib/system-packages.js';

const binaries = join(projectRoot, 'node_modules', '.bin');
const reports = join(projectRoot, '.data', 'test-reports');
mkdirSync(reports, { recursive: true });

interface VitestReport {
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
}

/** Runs one vitest project; its JSON report feeds the closing summary line. */
async function vitest(project: string, environment: NodeJS.ProcessEnv = process.env): Promise<void> {
  const report = join(reports, `${project}.json`);
  await run(join(binaries, 'vitest'), ['run', '--project', project, '--reporter=default', '--reporter=json', `--outputFile.json=${report}`], {
    cwd: projectRoot,
    env: environment,
  });
}

function summary(): VitestReport {
  const totals = { numPassedTests: 0, numFailedTests: 0, numPendingTests: 0 };
  for (const project of ['unit', 'integration', 'e2e']) {
    const file = join(reports, `${project}.json`);
    if (!existsSync(file)) continue;
    const report = JSON.parse(readFileSync(file, 'utf8')) as VitestReport;
    totals.numPassedTests += report.numPassedTests;
    totals.numFailedTests += report.numFailedTests;
    totals.numPendingTests += report.numPendingTests;
  }
  return totals;
}

// A stopped run ends the command under way, skips the rest, and still stops the private cluster.
let stopReason: string | undefined;
onStopRequest((reason) => {
  stopReason = reason;
  stopRunningCommands('SIGTERM');
});

/** Starts one stage of the run, unless the run was asked to stop. */
function stage(title: string): void {
  if (stopReason) throw new Error(`${stopReason}: the tests were stopped`);
  console.log(`\n== ${title}`);
}

const database = await openDatabase();
let failed = false;
try {
  stage('Type-check');
  await run(join(binaries, 'tsc'), ['--noEmit', '-p', 'tsconfig.json'], { cwd: projectRoot });
  await run(join(binaries, 'tsc'), ['--noEmit', '-p', 'web/tsconfig.json'], { cwd: projectRoot });
  await run(join(binaries, 'tsc'), ['--noEmit', '-p', 'tests/unit/web/tsconfig.json'], { cwd: projectRoot });
  stage('Unit tests');
  await vitest('unit');
  stage('Integration tests (PostGIS)');
  const environment = { ...process.env, DATABASE_URL: database.url };
  await vitest('integration', environment);
  stage('End-to-end tests (Chromium)');
  const chromium = await ensureChromium();
  await vitest('e2e', { ...environment, CHROMIUM_PATH: chromium });
} catch (error) {
  failed = true;
  console.error(`\n${(error as Error).message}`);
} finally {
  await database.stop();
}
const totals = summary();
console.log(`\ntests: ${totals.numPassedTests} passed, ${totals.numFailedTests} failed, ${totals.numPendingTests} skipped`);
process.exit(failed || totals.numFailedTests > 0 ? 1 : 0);
