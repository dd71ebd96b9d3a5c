import { difference } from '../geometry/polygon-clipping.js';
import type { MultiPolygon } from '../schemas/geojson.schema.js';
import type { AnalysisBuilding } from './analysis-input.js';

/** The outdoor space O = perimeter − buildings (pass the buildings alive at the phase). @example outdoorSpace(input.perimeter, selectBuildings(input.buildings, 0)) */
export function outdoorSpace(perimeter: MultiPolygon, buildings: readonly AnalysisBuilding[]): MultiPolygon {
  const coordinates = difference(perimeter.coordinates, ...buildings.map((building) => building.geometry.coordinates));
  return { type: 'MultiPolygon', coordinates };
}
