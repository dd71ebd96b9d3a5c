import type { MultiPolygon } from '../schemas/geojson.schema.js';

/** A parcel as the analysis reads it; a full ParcelFeature fits. */
export interface AnalysisParcel {
  id: string;
  geometry: MultiPolygon;
  properties: {
    organisationId: string;
    services: readonly string[];
    fromPhase: number;
    toPhase: number | null;
  };
}

/** A building footprint as the analysis reads it; a feature of a BuildingCollection fits. */
export interface AnalysisBuilding {
  geometry: MultiPolygon;
  properties: { fromPhase: number; toPhase: number | null };
}

/** Everything the analysis of a site needs: its perimeter, tolerance (m², default 1), buildings and parcels. */
export interface AnalysisInput {
  perimeter: MultiPolygon;
  tolerance?: number;
  buildings: readonly AnalysisBuilding[];
  parcels: readonly AnalysisParcel[];
}
