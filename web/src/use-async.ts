import { useCallback, useEffect, useState } from 'react';

/** The state of one asynchronous load: its value, its error, and a way to run it again. */
export interface AsyncState<T> {
  value: T | undefined;
  error: Error | undefined;
  loading: boolean;
  retry: () => void;
}

/**
 * Runs `load` whenever `deps` change, aborting the previous run; keeps the last value while
 * reloading so the map does not flash empty between phases.
 */
export function useAsync<T>(load: (signal: AbortSignal) => Promise<T>, deps: readonly unknown[]): AsyncState<T> {
  const [attempt, setAttempt] = useState(0);
  const [state, setState] = useState<{ value?: T; error?: Error; loading: boolean }>({ loading: true });

  useEffect(() => {
    const controller = new AbortController();
    setState((previous) => ({ value: previous.value, loading: true }));
    load(controller.signal).then(
      (value) => {
        if (!controller.signal.aborted) setState({ value, loading: false });
      },
      (error: unknown) => {
        if (controller.signal.aborted) return;
        setState({ error: error instanceof Error ? error : new Error(String(error)), loading: false });
      },
    );
    return () => controller.abort();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `deps` stand for what `load` reads.
  }, [...deps, attempt]);

  const retry = useCallback(() => setAttempt((count) => count + 1), []);
  return { value: state.value, error: state.error, loading: state.loading, retry };
}
