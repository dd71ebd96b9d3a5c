import { isAliveAt, type Feature, type MultiPolygon, type ParcelProperties } from '../../../core/index.js';

/** A parcel as the API returns it inside a ParcelCollection. */
export type Parcel = Feature<MultiPolygon, ParcelProperties>;

/** What the map shows: one phase, and either every service (null) or one service code. */
export interface ParcelFilter {
  phase: number;
  serviceCode: string | null;
}

/** The parcels alive at `filter.phase` that cover `filter.serviceCode` (all services when null). */
export function filterParcels(parcels: readonly Parcel[], filter: ParcelFilter): Parcel[] {
  return parcels.filter(
    (parcel) =>
      isAliveAt(parcel.properties, filter.phase) &&
      (filter.serviceCode === null || parcel.properties.services.includes(filter.serviceCode)),
  );
}
