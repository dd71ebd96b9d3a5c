const STOP_SIGNALS = ['SIGINT', 'SIGTERM'] as const;
const PARENT_CHECK_MS = 500;

/**
 * Calls `stop` once, on SIGINT, on SIGTERM, or when the parent process is gone. The scripts run
 * under scripts/bootstrap.mjs; were it killed outright (SIGKILL), nobody would be left to pass a
 * signal on, and the server and the private cluster would keep running.
 */
export function onStopRequest(stop: (reason: string) => void): void {
  let requested = false;
  const parent = process.ppid;
  const watch = setInterval(() => process.ppid !== parent && request('the parent process is gone'), PARENT_CHECK_MS);
  watch.unref();
  function request(reason: string): void {
    if (requested) return;
    requested = true;
    clearInterval(watch);
    stop(reason);
  }
  for (const signal of STOP_SIGNALS) process.on(signal, () => request(signal));
}
