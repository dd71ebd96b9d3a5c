// `npm test`: type-check, unit, integration (real PostGIS), end-to-end (Debian's Chromium).
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openDatabase, projectRoot } from './lib/database.js';
import { run } from './lib/run.js';
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

const database = await openDatabase();
let failed = false;
try {
  console.log('\n== Type-check');
  await run(join(binaries, 'tsc'), ['--noEmit', '-p', 'tsconfig.json'], { cwd: projectRoot });
  await run(join(binaries, 'tsc'), ['--noEmit', '-p', 'web/tsconfig.json'], { cwd: projectRoot });
  await run(join(binaries, 'tsc'), ['--noEmit', '-p', 'tests/unit/web/tsconfig.json'], { cwd: projectRoot });
  console.log('\n== Unit tests');
  await vitest('unit');
  console.log('\n== Integration tests (PostGIS)');
  const environment = { ...process.env, DATABASE_URL: database.url };
  await vitest('integration', environment);
  console.log('\n== End-to-end tests (Chromium)');
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
