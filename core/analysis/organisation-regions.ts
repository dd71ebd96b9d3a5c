import { difference, intersection, union } from '../geometry/polygon-clipping.js';
import type { Position } from '../schemas/geojson.schema.js';
import type { AnalysisInput } from './analysis-input.js';
import { outdoorSpace } from './outdoor-space.js';
import { selectBuildings } from './select-buildings.js';
import { selectParcels } from './select-parcels.js';

/** Where each organisation manages a service at a phase (its parcels ∩ outdoor space), and `null` = the rest of the perimeter. @example organisationRegions(input, 0, 'nettoiement').get(null) */
export function organisationRegions(input: AnalysisInput, phase: number, service: string): Map<string | null, Position[][][]> {
  const outdoor = outdoorSpace(input.perimeter, selectBuildings(input.buildings, phase));
  const byOrganisation = new Map<string, Position[][][][]>();
  for (const parcel of selectParcels(input.parcels, phase, service)) {
    const organisationId = parcel.properties.organisationId;
    byOrganisation.set(organisationId, [...(byOrganisation.get(organisationId) ?? []), parcel.geometry.coordinates]);
  }
  const regions = new Map<string | null, Position[][][]>();
  for (const [organisationId, geometries] of byOrganisation) {
    const [first, ...rest] = geometries as [Position[][][], ...Position[][][][]];
    const region = outdoor.coordinates.length === 0 ? [] : intersection(outdoor.coordinates, union(first, ...rest));
    regions.set(organisationId, region);
  }
  regions.set(null, difference(input.perimeter.coordinates, ...regions.values()));
  return regions;
}
