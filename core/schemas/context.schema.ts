import type { FeatureCollection, Geometry } from './geojson.schema.js';

/** Layers of the offline base map, drawn from the site's own data under the parcels. */
export const CONTEXT_LAYERS = ['street', 'cadastre'] as const;
export type ContextLayer = (typeof CONTEXT_LAYERS)[number];

/** A base map feature: a street line or a cadastral parcel outline. */
export interface ContextProperties {
  layer: ContextLayer;
  kind: string | null;
  name: string | null;
}

export type ContextCollection = FeatureCollection<Geometry, ContextProperties>;
