import { useSyncExternalStore } from 'react';

const COARSE_POINTER = '(pointer: coarse)';

function subscribe(onChange: () => void): () => void {
  const query = window.matchMedia?.(COARSE_POINTER);
  query?.addEventListener('change', onChange);
  return () => query?.removeEventListener('change', onChange);
}

const isCoarse = () => window.matchMedia?.(COARSE_POINTER).matches ?? false;

/**
 * The i18next context of hints that speak of the pointer: 'touch' on a touch screen (taps, no Enter
 * or Escape key), undefined with a mouse. `t(key, { context })` falls back to the key without it.
 */
export function usePointerContext(): 'touch' | undefined {
  return useSyncExternalStore(subscribe, isCoarse, () => false) ? 'touch' : undefined;
}
