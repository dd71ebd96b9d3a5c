import type { FeatureCollection, MultiPolygon, Organisation } from '../../../core/index.js';
import type { Parcel } from '../domain/filter-parcels.js';
import { UNKNOWN_ORGANISATION_COLOUR } from '../domain/legend-entries.js';
import { darkenColour } from './darken-colour.js';
import { PARCEL_ID_PROPERTY } from './layer-ids.js';

/** What the parcels layers read from each feature. */
export interface ParcelLayerProperties {
  [PARCEL_ID_PROPERTY]: string;
  organisationId: string;
  colour: string;
  outlineColour: string;
}

export type ParcelLayerData = FeatureCollection<MultiPolygon, ParcelLayerProperties>;

/** The parcels source data: each parcel's geometry with its organisation's fill and outline colours. */
export function toParcelLayerData(parcels: readonly Parcel[], organisations: readonly Organisation[]): ParcelLayerData {
  const colourById = new Map(organisations.map((organisation) => [organisation.id, organisation.colour]));
  return {
    type: 'FeatureCollection',
    features: parcels.map((parcel, index) => {
      const colour = colourById.get(parcel.properties.organisationId) ?? UNKNOWN_ORGANISATION_COLOUR;
      return {
        type: 'Feature',
        geometry: parcel.geometry,
        properties: {
          [PARCEL_ID_PROPERTY]: parcel.id === undefined ? `#${index}` : String(parcel.id),
          organisationId: parcel.properties.organisationId,
          colour,
          outlineColour: darkenColour(colour),
        },
      };
    }),
  };
}
