import type { FeatureCollection, MultiPolygon } from './geojson.schema.js';

/** Properties of a building footprint (not outdoor space), alive over [fromPhase, toPhase). */
export interface BuildingProperties {
  label: string | null;
  fromPhase: number;
  toPhase: number | null;
}

export type BuildingCollection = FeatureCollection<MultiPolygon, BuildingProperties>;
