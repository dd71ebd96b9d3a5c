import { PARCEL_ID_PROPERTY } from './layer-ids.js';

/** What end-to-end tests read on `window.__tessera` once the map is idle with its parcels loaded. */
export interface TesseraTestHook {
  map: unknown;
  renderedParcelCount: number;
}

declare global {
  interface Window {
    __tessera?: TesseraTestHook;
    /** The browser engine's analysis of the shown service (live-check worker), for end-to-end tests. */
    __tesseraLive?: { gapCount: number; gapArea: number; overlapCount: number; overlapArea: number } | null;
  }
}

/**
 * Number of distinct parcels among rendered features: MapLibre returns one feature per tile a
 * parcel crosses, so the same parcel may come back several times.
 */
export function countRenderedParcels(features: ReadonlyArray<{ id?: string | number; properties: Record<string, unknown> }>): number {
  const ids = new Set<unknown>();
  for (const feature of features) ids.add(feature.properties[PARCEL_ID_PROPERTY] ?? feature.id);
  return ids.size;
}

/** Exposes the map and the rendered parcel count to end-to-end tests. */
export function publishTestHook(map: unknown, renderedParcelCount: number): void {
  window.__tessera = { map, renderedParcelCount };
}

/** Exposes the figures of the live-check worker's analysis to end-to-end tests. */
export function publishLiveAnalysis(analysis: { gaps: { features: unknown[] }; gapArea: number; overlaps: { features: unknown[] }; overlapArea: number } | null): void {
  window.__tesseraLive = analysis
    ? { gapCount: analysis.gaps.features.length, gapArea: analysis.gapArea, overlapCount: analysis.overlaps.features.length, overlapArea: analysis.overlapArea }
    : null;
}
