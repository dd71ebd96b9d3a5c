import { existsSync, readdirSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { isRoot, output, run } from './run.js';

const POSTGIS_PACKAGE = 'postgresql-15-postgis-3';
const CHROMIUM_PACKAGE = 'chromium';
let aptUpdated = false;

/** Installs Debian packages with apt when running as root; otherwise fails naming them. */
async function aptInstall(packages: string[], why: string): Promise<void> {
  const canInstall = isRoot() && output('which', ['apt-get']) !== null;
  if (!canInstall) {
    throw new Error(`${why}. Install it with: sudo apt-get install ${packages.join(' ')}`);
  }
  console.log(`${why}: installing ${packages.join(' ')} with apt-get…`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  if (!aptUpdated) {
    await run('apt-get', ['update', '-q'], { env });
    aptUpdated = true;
  }
  await run('apt-get', ['install', '-y', '-q', ...packages], { env });
}

/** The directory of initdb/pg_ctl/postgres, from pg_config or Debian's versioned layout. */
function findPostgresBinDir(): string | null {
  const fromPgConfig = output('pg_config', ['--bindir']);
  if (fromPgConfig && existsSync(join(fromPgConfig, 'initdb'))) return fromPgConfig;
  const base = '/usr/lib/postgresql';
  if (!existsSync(base)) return null;
  const versions = readdirSync(base)
    .filter((version) => existsSync(join(base, version, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] ? join(base, versions[0], 'bin') : null;
}

/** True when the PostGIS extension is installed for the PostgreSQL whose binaries are in binDir. */
function hasPostgis(binDir: string): boolean {
  const version = basename(dirname(binDir));
  const shareDir = output(join(binDir, 'pg_config'), ['--sharedir']) ?? join('/usr/share/postgresql', version);
  return existsSync(join(shareDir, 'extension', 'postgis.control'));
}

/** Ensures PostgreSQL server binaries and PostGIS are installed; returns the binaries' directory. */
export async function ensurePostgres(): Promise<string> {
  let binDir = findPostgresBinDir();
  if (!binDir || !hasPostgis(binDir)) {
    await aptInstall([POSTGIS_PACKAGE], binDir ? 'PostGIS is missing' : 'PostgreSQL and PostGIS are missing');
    binDir = findPostgresBinDir();
  }
  if (!binDir || !hasPostgis(binDir)) {
    throw new Error(`PostgreSQL with PostGIS is still missing. Install: apt-get install ${POSTGIS_PACKAGE}`);
  }
  return binDir;
}

/** Ensures Debian's Chromium is installed (CHROMIUM_PATH overrides); returns its executable. */
export async function ensureChromium(): Promise<string> {
  const configured = process.env.CHROMIUM_PATH;
  if (configured) {
    if (!existsSync(configured)) throw new Error(`CHROMIUM_PATH=${configured} does not exist`);
    return configured;
  }
  const executable = '/usr/bin/chromium';
  if (!existsSync(executable)) await aptInstall([CHROMIUM_PACKAGE], 'Chromium (for the end-to-end tests) is missing');
  if (!existsSync(executable)) throw new Error(`Chromium is still missing. Install: apt-get install ${CHROMIUM_PACKAGE}`);
  return executable;
}
