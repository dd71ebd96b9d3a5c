import type { AnalysisBuilding, AnalysisInput, AnalysisParcel } from '../../core/analysis/analysis-input.js';
import type { MultiPolygon, Polygon } from '../../core/schemas/geojson.schema.js';

/** A golden fixture of tests/fixtures/analysis/in: features with a `role`, and what to analyse. */
export interface AnalysisFixture {
  type: 'FeatureCollection';
  description?: string;
  analysis: { phase: number; service: string; tolerance: number };
  features: FixtureFeature[];
}

export interface FixtureFeature {
  type: 'Feature';
  id?: string;
  geometry: Polygon | MultiPolygon;
  properties: Record<string, unknown> & { role: 'perimeter' | 'building' | 'parcel' };
}

/** Turns a fixture into the analysis input (the perimeter feature, the buildings, the parcels). */
export function readAnalysisFixture(fixture: AnalysisFixture): AnalysisInput {
  const toMulti = (geometry: Polygon | MultiPolygon): MultiPolygon =>
    geometry.type === 'Polygon' ? { type: 'MultiPolygon', coordinates: [geometry.coordinates] } : geometry;
  const perimeters = fixture.features.filter((feature) => feature.properties.role === 'perimeter');
  if (perimeters.length !== 1) throw new Error(`a fixture needs exactly one perimeter feature, found ${perimeters.length}`);
  const buildings: AnalysisBuilding[] = fixture.features
    .filter((feature) => feature.properties.role === 'building')
    .map((feature) => ({
      geometry: toMulti(feature.geometry),
      properties: { fromPhase: feature.properties.fromPhase as number, toPhase: feature.properties.toPhase as number | null },
    }));
  const parcels: AnalysisParcel[] = fixture.features
    .filter((feature) => feature.properties.role === 'parcel')
    .map((feature) => {
      if (typeof feature.id !== 'string') throw new Error('every parcel of a fixture needs a string id');
      return {
        id: feature.id,
        geometry: toMulti(feature.geometry),
        properties: {
          organisationId: feature.properties.organisationId as string,
          services: feature.properties.services as string[],
          fromPhase: feature.properties.fromPhase as number,
          toPhase: feature.properties.toPhase as number | null,
        },
      };
    });
  return { perimeter: toMulti((perimeters[0] as FixtureFeature).geometry), tolerance: fixture.analysis.tolerance, buildings, parcels };
}
