import type {
  DataDrivenPropertyValueSpecification,
  ExpressionSpecification,
  GeoJSONSourceSpecification,
  StyleSpecification,
} from 'maplibre-gl';
import type { BuildingCollection, ContextCollection, MultiPolygon } from '../../../core/index.js';
import { LAYER_IDS, PARCEL_ID_PROPERTY, SOURCE_IDS } from './layer-ids.js';
import type { ParcelLayerData } from './parcel-layer-data.js';

/** Data the site style starts with; the controller replaces buildings and parcels per phase. */
export interface BaseStyleInput {
  perimeter: MultiPolygon | null;
  context?: ContextCollection;
  buildings?: BuildingCollection;
  parcels?: ParcelLayerData;
}

export const BACKGROUND_COLOUR = '#f3f1ec';
export const PARCEL_FILL_OPACITY = 0.55;

/** Street widths in pixels at zoom 17, by OSM `highway` kind; other kinds get the fallback. */
export const STREET_WIDTHS_AT_Z17: Readonly<Record<string, number>> = {
  motorway: 14,
  trunk: 13,
  primary: 12,
  secondary: 10,
  tertiary: 9,
  unclassified: 7,
  residential: 7,
  living_street: 6,
  pedestrian: 5,
  service: 4,
  track: 3,
  cycleway: 2,
  footway: 2,
  path: 2,
  steps: 2,
};
export const STREET_WIDTH_FALLBACK = 5;

type SourceData = GeoJSONSourceSpecification['data'];

const EMPTY = { type: 'FeatureCollection', features: [] } as const;

/** Width in pixels by kind, scaled by 2 per zoom level around zoom 17, plus `extra` pixels. */
function streetWidth(extra: number): DataDrivenPropertyValueSpecification<number> {
  const kinds = Object.entries(STREET_WIDTHS_AT_Z17).flatMap(([kind, width]) => [kind, width]);
  const widthAt = (scale: number): ExpressionSpecification =>
    ['+', ['*', ['match', ['coalesce', ['get', 'kind'], ''], ...kinds, STREET_WIDTH_FALLBACK], scale], extra] as unknown as ExpressionSpecification;
  return ['interpolate', ['exponential', 2], ['zoom'], 14, widthAt(1 / 8), 17, widthAt(1), 20, widthAt(8)];
}

/**
 * The whole offline style of a site map: no tiles, glyphs or sprites from anywhere, only the
 * site's own GeoJSON (cadastre, streets, buildings, perimeter) under the parcels.
 * @example new maplibregl.Map({ container, style: buildBaseStyle({ perimeter: site.perimeter }) })
 */
export function buildBaseStyle(input: BaseStyleInput): StyleSpecification {
  const perimeter = input.perimeter
    ? { type: 'Feature' as const, properties: {}, geometry: input.perimeter }
    : EMPTY;
  return {
    version: 8,
    name: 'Tessera offline base',
    sources: {
      [SOURCE_IDS.context]: { type: 'geojson', data: (input.context ?? EMPTY) as SourceData },
      [SOURCE_IDS.buildings]: { type: 'geojson', data: (input.buildings ?? EMPTY) as SourceData },
      [SOURCE_IDS.parcels]: {
        type: 'geojson',
        data: (input.parcels ?? EMPTY) as SourceData,
        promoteId: PARCEL_ID_PROPERTY,
      },
      [SOURCE_IDS.perimeter]: { type: 'geojson', data: perimeter as SourceData },
    },
    layers: [
      { id: LAYER_IDS.background, type: 'background', paint: { 'background-color': BACKGROUND_COLOUR } },
      {
        id: LAYER_IDS.cadastreLine,
        type: 'line',
        source: SOURCE_IDS.context,
        filter: ['==', ['get', 'layer'], 'cadastre'],
        paint: { 'line-color': '#a8a8a8', 'line-width': ['interpolate', ['linear'], ['zoom'], 15, 0.4, 19, 1.2] },
      },
      {
        id: LAYER_IDS.streetsCasing,
        type: 'line',
        source: SOURCE_IDS.context,
        filter: ['==', ['get', 'layer'], 'street'],
        layout: { 'line-join': 'round', 'line-cap': 'round' },
        paint: { 'line-color': '#b5b2ab', 'line-width': streetWidth(2) },
      },
      {
        id: LAYER_IDS.streetsLine,
        type: 'line',
        source: SOURCE_IDS.context,
        filter: ['==', ['get', 'layer'], 'street'],
        layout: { 'line-join': 'round', 'line-cap': 'round' },
        paint: { 'line-color': '#ffffff', 'line-width': streetWidth(0) },
      },
      {
        id: LAYER_IDS.parcelsFill,
        type: 'fill',
        source: SOURCE_IDS.parcels,
        paint: { 'fill-color': ['get', 'colour'], 'fill-opacity': PARCEL_FILL_OPACITY },
      },
      {
        id: LAYER_IDS.buildingsFill,
        type: 'fill',
        source: SOURCE_IDS.buildings,
        paint: { 'fill-color': '#c9c5bd', 'fill-outline-color': '#a19c92' },
      },
      {
        id: LAYER_IDS.parcelsLine,
        type: 'line',
        source: SOURCE_IDS.parcels,
        paint: { 'line-color': ['get', 'outlineColour'], 'line-width': 1.5 },
      },
      {
        id: LAYER_IDS.parcelsSelectedLine,
        type: 'line',
        source: SOURCE_IDS.parcels,
        filter: ['==', ['get', PARCEL_ID_PROPERTY], ''],
        paint: { 'line-color': '#111111', 'line-width': 4 },
      },
      {
        id: LAYER_IDS.perimeterLine,
        type: 'line',
        source: SOURCE_IDS.perimeter,
        paint: { 'line-color': '#2b2b2b', 'line-width': 2.5, 'line-dasharray': [3, 2] },
      },
    ],
  };
}
