/** Source ids of the site map's style. */
export const SOURCE_IDS = {
  context: 'context',
  buildings: 'buildings',
  parcels: 'parcels',
  perimeter: 'perimeter',
} as const;

/** Layer ids of the site map's style; end-to-end tests query them by these names. */
export const LAYER_IDS = {
  background: 'background',
  cadastreLine: 'cadastre-line',
  streetsCasing: 'streets-casing',
  streetsLine: 'streets-line',
  parcelsFill: 'parcels-fill',
  buildingsFill: 'buildings-fill',
  parcelsLine: 'parcels-line',
  parcelsSelectedLine: 'parcels-selected-line',
  perimeterLine: 'perimeter-line',
} as const;

/** The feature property that carries a parcel's id in the parcels source (promoted to feature id). */
export const PARCEL_ID_PROPERTY = 'parcelId';
