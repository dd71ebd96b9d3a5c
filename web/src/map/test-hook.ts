import { PARCEL_ID_PROPERTY } from './layer-ids.js';

/** What end-to-end tests read on `window.__tessera` once the map is idle with its parcels loaded. */
export interface TesseraTestHook {
  map: unknown;
  renderedParcelCount: number;
}

declare global {
  interface Window {
    __tessera?: TesseraTestHook;
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
