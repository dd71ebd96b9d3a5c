import type { FeatureCollection, MultiPolygon, Organisation } from '../../../core/index.js';
import type { Parcel } from '../domain/filter-parcels.js';
import { geometryBounds } from '../../../core/index.js';
import { UNKNOWN_ORGANISATION_COLOUR } from '../domain/legend-entries.js';
import { darkenColour } from './darken-colour.js';
import { PARCEL_ID_PROPERTY } from './layer-ids.js';
import { colourOverBackground } from './map-symbols.js';

/** What the parcels layers read from each feature. */
export interface ParcelLayerProperties {
  [PARCEL_ID_PROPERTY]: string;
  organisationId: string;
  colour: string;
  /** The colour a translucent parcel has on bare ground: the opaque fill when every service is shown, and the legend's swatch. */
  shownColour: string;
  outlineColour: string;
  /** The area of the parcel's bounding box (degrees²): larger parcels are drawn under smaller ones. */
  footprint: number;
}

export type ParcelLayerData = FeatureCollection<MultiPolygon, ParcelLayerProperties>;

type ParcelLayerFeature = ParcelLayerData['features'][number];

/** Per list of organisations, the feature made for each parcel object: an unchanged parcel keeps its feature. */
const featuresByOrganisations = new WeakMap<readonly Organisation[], WeakMap<Parcel, ParcelLayerFeature>>();

function footprintOf(geometry: MultiPolygon): number {
  const { minX, minY, maxX, maxY } = geometryBounds(geometry.coordinates);
  return (maxX - minX) * (maxY - minY);
}

/**
 * The parcels source data: each parcel's geometry with its organisation's fill and outline colours.
 * A parcel object given again (with the same organisations) gets the same feature object, so that
 * the map patches its source with the parcels an edit changed only (see parcelLayerDiff).
 */
export function toParcelLayerData(parcels: readonly Parcel[], organisations: readonly Organisation[]): ParcelLayerData {
  const colourById = new Map(organisations.map((organisation) => [organisation.id, organisation.colour]));
  let made = featuresByOrganisations.get(organisations);
  if (!made) featuresByOrganisations.set(organisations, (made = new WeakMap()));
  const cache = made;
  return {
    type: 'FeatureCollection',
    features: parcels.map((parcel, index) => {
      // A parcel without an id is named by its rank, which another list may give to another parcel.
      const known = parcel.id === undefined ? undefined : cache.get(parcel);
      if (known) return known;
      const colour = colourById.get(parcel.properties.organisationId) ?? UNKNOWN_ORGANISATION_COLOUR;
      const feature: ParcelLayerFeature = {
        type: 'Feature',
        geometry: parcel.geometry,
        properties: {
          [PARCEL_ID_PROPERTY]: parcel.id === undefined ? `#${index}` : String(parcel.id),
          organisationId: parcel.properties.organisationId,
          colour,
          shownColour: colourOverBackground(colour),
          outlineColour: darkenColour(colour),
          footprint: footprintOf(parcel.geometry),
        },
      };
      if (parcel.id !== undefined) cache.set(parcel, feature);
      return feature;
    }),
  };
}
