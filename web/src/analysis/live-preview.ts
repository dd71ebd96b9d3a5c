import { useSyncExternalStore } from 'react';
import type { SiteAnalysis } from '../../../core/index.js';

/**
 * The analysis with the parcel being drawn or edited (null when none), held outside React state:
 * a dragged vertex brings a new one several times a second, and only what shows it (the panel,
 * the map) should render again, not the whole page.
 */
export class LivePreview {
  private value: SiteAnalysis | null = null;
  private readonly listeners = new Set<() => void>();

  /** The current preview. */
  readonly get = (): SiteAnalysis | null => this.value;

  /** Registers a listener of changes; returns its removal (the shape useSyncExternalStore wants). */
  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Replaces the preview and tells the listeners (nothing when it is the same). */
  set(value: SiteAnalysis | null): void {
    if (value === this.value) return;
    this.value = value;
    for (const listener of this.listeners) listener();
  }
}

/** The preview of `store`, re-rendering the calling component when it changes. */
export function useLivePreview(store: LivePreview): SiteAnalysis | null {
  return useSyncExternalStore(store.subscribe, store.get);
}
