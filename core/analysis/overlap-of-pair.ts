import { intersection } from '../geometry/polygon-clipping.js';
import { geodesicArea } from '../geometry/geodesic-area.js';
import type { MultiPolygon } from '../schemas/geojson.schema.js';
import type { AnalysisParcel } from './analysis-input.js';
import type { OverlapFeature } from './analysis-result.js';
import { interiorsMayMeet } from './interiors-may-meet.js';

/** The overlap of two parcels (polygonal part of their intersection), or null under `tolerance` m². @example overlapOfPair(parcelA, parcelB, 1) */
export function overlapOfPair(first: AnalysisParcel, second: AnalysisParcel, tolerance: number): OverlapFeature | null {
  const [a, b] = first.id < second.id ? [first, second] : [second, first];
  if (!interiorsMayMeet(a.geometry.coordinates, b.geometry.coordinates)) return null;
  const coordinates = intersection(a.geometry.coordinates, b.geometry.coordinates);
  if (coordinates.length === 0) return null;
  const geometry: MultiPolygon = { type: 'MultiPolygon', coordinates };
  const area = geodesicArea(geometry);
  if (area < tolerance) return null;
  const organisationIds: [string, string] = [a.properties.organisationId, b.properties.organisationId];
  return {
    type: 'Feature',
    id: `overlap-${a.id}-${b.id}`,
    geometry,
    properties: {
      area,
      kind: organisationIds[0] === organisationIds[1] ? 'duplicate' : 'conflict',
      parcelIds: [a.id, b.id],
      organisationIds,
    },
  };
}
