import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from './database.js';

/** The newest modification time of the files under a folder. */
function newestChange(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((name) => newestChange(join(path, name))));
}

/** Builds the web app into web/dist unless the build is newer than its sources. */
export async function buildWebIfStale(): Promise<void> {
  const built = join(projectRoot, 'web', 'dist', 'index.html');
  const sources = ['web/src', 'web/index.html', 'web/vite.config.ts', 'web/public', 'core', 'package-lock.json'];
  const newestSource = Math.max(...sources.map((source) => newestChange(join(projectRoot, source))));
  if (existsSync(built) && statSync(built).mtimeMs > newestSource) {
    console.log('The web app is up to date (web/dist).');
    return;
  }
  console.log('Building the web app…');
  // Loaded only to build: importing vite costs seconds that every up-to-date start would pay.
  const { build } = await import('vite');
  await build({ configFile: join(projectRoot, 'web', 'vite.config.ts'), logLevel: 'warn' });
}
