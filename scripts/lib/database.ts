import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startPrivateCluster, type Cluster } from './private-cluster.js';
import { ensurePostgres } from './system-packages.js';

export const projectRoot = join(fileURLToPath(import.meta.url), '..', '..', '..');

/**
 * The database to use: `DATABASE_URL` when set (no cluster started), else the private cluster, in
 * TESSERA_CLUSTER_DIR when set, else in the project's `.data/`.
 */
export async function openDatabase(): Promise<Cluster> {
  const configured = process.env.DATABASE_URL;
  if (configured) {
    console.log('Using the database of DATABASE_URL (no private cluster).');
    return { url: configured, stop: async () => undefined, whenStopping: () => undefined };
  }
  const binDir = await ensurePostgres();
  return startPrivateCluster(binDir, projectRoot, process.env.TESSERA_CLUSTER_DIR || undefined);
}

/** The same server, another database name (tests use their own databases). */
export function withDatabaseName(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}
