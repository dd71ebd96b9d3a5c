import type { Position } from '../schemas/geojson.schema.js';
import type { AnalysisInput } from './analysis-input.js';
import type { WhoManages } from './phase-comparison.js';
import { pointInArea } from './point-in-area.js';
import { coversAt } from './covers-at.js';
import { selectBuildings } from './select-buildings.js';

/** Per service found on any parcel, the parcels alive at the phase covering a point (boundary included). @example whoManages(input, [2.4801, 48.9012], 0).services */
export function whoManages(input: AnalysisInput, point: [number, number], phase: number): WhoManages {
  const position: Position = [point[0], point[1]];
  const serviceCodes = [...new Set(input.parcels.flatMap((parcel) => parcel.properties.services))].sort();
  const parcelsHere = input.parcels.filter((parcel) => pointInArea(position, parcel.geometry.coordinates));
  const underBuilding = selectBuildings(input.buildings, phase).some((building) => pointInArea(position, building.geometry.coordinates));
  return {
    phase,
    point: [point[0], point[1]],
    outdoor: pointInArea(position, input.perimeter.coordinates) && !underBuilding,
    services: serviceCodes.map((service) => ({
      service,
      parcels: parcelsHere
        .filter((parcel) => coversAt(parcel, phase, service))
        .map((parcel) => ({ parcelId: parcel.id, organisationId: parcel.properties.organisationId }))
        .sort((first, second) => (first.parcelId < second.parcelId ? -1 : first.parcelId > second.parcelId ? 1 : 0)),
    })),
  };
}
