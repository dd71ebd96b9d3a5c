import { createHash } from 'node:crypto';
import { chownSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import pg from 'pg';
import { isRoot, output, run } from './run.js';

/** A PostgreSQL server this process may have started, and how to reach it. */
export interface Cluster {
  /** Connection string of the application database. */
  url: string;
  /** Stops the server if this process started it; does nothing otherwise. */
  stop(): Promise<void>;
  /** Calls `listener` once if the server begins to stop or dies while we use it, whoever stopped it. */
  whenStopping(listener: () => void): void;
}

const SUPERUSER = 'tessera';
const DATABASE = 'tessera';
/** Unix socket paths are limited to 107 bytes; keep room for "/.s.PGSQL.5432". */
const MAX_SOCKET_DIR_LENGTH = 90;
const STATUS_CHECK_MS = 500;

interface ClusterPaths {
  dataDir: string;
  socketDir: string;
  logFile: string;
}

/** Runs a PostgreSQL binary, as the postgres system user when we are root (initdb refuses root). */
function runPostgresBinary(binDir: string, binary: string, args: string[]): Promise<void> {
  const executable = join(binDir, binary);
  return isRoot() ? run('runuser', ['-u', 'postgres', '--', executable, ...args]) : run(executable, args);
}

/** True when the postgres system user can write into the directory. */
function postgresUserCanWrite(directory: string): boolean {
  return output('runuser', ['-u', 'postgres', '--', 'test', '-w', directory]) !== null;
}

/** Creates a directory owned by the user that runs the server, inside a folder it can traverse. */
function makeServerDirectory(directory: string): void {
  mkdirSync(dirname(directory), { recursive: true, mode: 0o755 });
  mkdirSync(directory, { recursive: true, mode: 0o700 });
  if (isRoot()) {
    const uid = Number(output('id', ['-u', 'postgres']));
    const gid = Number(output('id', ['-g', 'postgres']));
    chownSync(directory, uid, gid);
  }
}

/**
 * Where the cluster lives: `directory`, or, when we are root and the postgres user cannot reach
 * it, `/var/lib/postgresql/tessera/<hash of hashedPath>/`.
 */
function clusterPaths(directory: string, hashedPath: string): ClusterPaths {
  const hash = createHash('sha256').update(hashedPath).digest('hex').slice(0, 10);
  let base = directory;
  makeServerDirectory(join(base, 'pg'));
  if (isRoot() && !postgresUserCanWrite(join(base, 'pg'))) {
    base = join('/var/lib/postgresql/tessera', hash);
    makeServerDirectory(join(base, 'pg'));
  }
  let socketDir = join(base, 'run');
  if (socketDir.length > MAX_SOCKET_DIR_LENGTH) socketDir = join(tmpdir(), `tessera-${hash}`);
  makeServerDirectory(socketDir);
  return { dataDir: join(base, 'pg'), socketDir, logFile: join(base, 'pg', 'server.log') };
}

/**
 * The server's state from its postmaster.pid (line 8: starting, ready, standby or stopping), or
 * 'gone' when there is no such file or its process died.
 */
function postmasterStatus(dataDir: string): string {
  let lines: string[];
  try {
    lines = readFileSync(join(dataDir, 'postmaster.pid'), 'utf8').split('\n');
  } catch {
    return 'gone';
  }
  try {
    process.kill(Number(lines[0]), 0);
  } catch {
    return 'gone';
  }
  return lines[7]?.trim() ?? 'starting';
}

/** Calls `listener` once when the server on this data directory stops or dies. */
function watchStatus(dataDir: string, listener: () => void): void {
  const watch = setInterval(() => {
    const status = postmasterStatus(dataDir);
    if (status !== 'stopping' && status !== 'gone') return;
    clearInterval(watch);
    listener();
  }, STATUS_CHECK_MS);
  watch.unref();
}

/** True when a server is already running on this data directory (an earlier `npm start`). */
function isRunning(binDir: string, dataDir: string): boolean {
  if (!existsSync(join(dataDir, 'postmaster.pid'))) return false;
  const status = [join(binDir, 'pg_ctl'), 'status', '-D', dataDir];
  return (isRoot() ? output('runuser', ['-u', 'postgres', '--', ...status]) : output(status[0]!, status.slice(1))) !== null;
}

/** Creates the application database with PostGIS if it does not exist yet. */
async function ensureDatabase(socketDir: string): Promise<void> {
  const admin = new pg.Client({ host: socketDir, user: SUPERUSER, database: 'postgres' });
  await admin.connect();
  try {
    const found = await admin.query('select 1 from pg_database where datname = $1', [DATABASE]);
    if (found.rowCount === 0) await admin.query(`create database ${DATABASE}`);
  } finally {
    await admin.end();
  }
}

/**
 * Starts (or reuses) the private cluster of this project: initdb on first use, a server listening
 * on a Unix socket only (no TCP port), and the application database. It lives in `clusterDir`
 * when given, else in the project's `.data/`.
 */
export async function startPrivateCluster(binDir: string, projectRoot: string, clusterDir?: string): Promise<Cluster> {
  // The default keeps hashing the project path, so that an existing fallback cluster is found again.
  const { dataDir, socketDir, logFile } = clusterDir ? clusterPaths(resolve(clusterDir), resolve(clusterDir)) : clusterPaths(join(projectRoot, '.data'), projectRoot);
  if (!existsSync(join(dataDir, 'PG_VERSION'))) {
    console.log(`Creating the private PostgreSQL cluster in ${dataDir}…`);
    const initArgs = ['-D', dataDir, '-U', SUPERUSER, '--auth=trust', '--encoding=UTF8', '--locale=C.UTF-8'];
    await runPostgresBinary(binDir, 'initdb', [...initArgs, '--no-instructions']);
  }
  const alreadyRunning = isRunning(binDir, dataDir);
  if (!alreadyRunning) {
    const serverOptions = `-k ${socketDir} -c listen_addresses='' -c unix_socket_permissions=0777`;
    await runPostgresBinary(binDir, 'pg_ctl', ['-D', dataDir, '-l', logFile, '-o', serverOptions, '-w', 'start']);
  }
  await ensureDatabase(socketDir);
  const url = `postgresql://${SUPERUSER}@${encodeURIComponent(socketDir)}/${DATABASE}`;
  let stopped = alreadyRunning;
  return {
    url,
    async stop() {
      if (stopped) return;
      stopped = true;
      if (postmasterStatus(dataDir) === 'gone') return;
      // Fast: open sessions are ended, not waited for (a smart shutdown begun by a plain SIGTERM too).
      await runPostgresBinary(binDir, 'pg_ctl', ['-D', dataDir, '-m', 'fast', '-w', 'stop']).catch((error: unknown) => {
        if (postmasterStatus(dataDir) !== 'gone') throw error;
      });
    },
    whenStopping: (listener) => watchStatus(dataDir, listener),
  };
}
