import { difference } from '../geometry/polygon-clipping.js';
import { geodesicArea } from '../geometry/geodesic-area.js';
import type { MultiPolygon } from '../schemas/geojson.schema.js';
import type { AnalysisParcel } from './analysis-input.js';
import type { OverflowFeature } from './analysis-result.js';
import { geometryBounds } from './geometry-bounds.js';
import { interiorsMayMeet } from './interiors-may-meet.js';
import type { PerimeterIndex } from './perimeter-index.js';
import { placeBoxInPerimeter } from './place-box-in-perimeter.js';

/** The part of a parcel outside the perimeter, or null under `tolerance` m². @example overflowOfParcel(parcel, createPerimeterIndex(perimeter), 1) */
export function overflowOfParcel(parcel: AnalysisParcel, perimeter: PerimeterIndex, tolerance: number): OverflowFeature | null {
  const place = placeBoxInPerimeter(perimeter, geometryBounds(parcel.geometry.coordinates));
  if (place === 'inside') return null;
  if (place === 'crossing' && !interiorsMayMeet(parcel.geometry.coordinates, perimeter.perimeter.coordinates, true)) return null;
  const coordinates = place === 'outside' ? difference(parcel.geometry.coordinates) : difference(parcel.geometry.coordinates, perimeter.perimeter.coordinates);
  if (coordinates.length === 0) return null;
  const geometry: MultiPolygon = { type: 'MultiPolygon', coordinates };
  const area = geodesicArea(geometry);
  if (area < tolerance) return null;
  return {
    type: 'Feature',
    id: `overflow-${parcel.id}`,
    geometry,
    properties: { area, parcelId: parcel.id, organisationId: parcel.properties.organisationId },
  };
}
