import { spawn, spawnSync, type ChildProcess, type SpawnOptions } from 'node:child_process';

const running = new Set<ChildProcess>();

/** Runs a command to completion with inherited output; rejects on a non-zero exit. */
export function run(command: string, args: string[], options: SpawnOptions = {}): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: 'inherit', ...options });
    running.add(child);
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      running.delete(child);
      if (code === 0) resolve();
      else reject(new Error(`${command} ${args.join(' ')} failed (${signal ?? `exit ${code}`})`));
    });
  });
}

/** Passes a stop signal to every command `run` started and still running; their `run` then rejects. */
export function stopRunningCommands(signal: NodeJS.Signals): void {
  for (const child of running) child.kill(signal);
}

/** Runs a command and returns its trimmed standard output, or null if it fails or is missing. */
export function output(command: string, args: string[]): string | null {
  const result = spawnSync(command, args, { encoding: 'utf8' });
  return result.status === 0 ? result.stdout.trim() : null;
}

/** True when this process runs as root (initdb and postgres then run as the postgres user). */
export function isRoot(): boolean {
  return process.getuid?.() === 0;
}
