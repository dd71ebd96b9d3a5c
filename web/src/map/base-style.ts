import type {
  DataDrivenPropertyValueSpecification,
  ExpressionSpecification,
  GeoJSONSourceSpecification,
  StyleSpecification,
} from 'maplibre-gl';
import type { BuildingCollection, ContextCollection, MultiPolygon } from '../../../core/index.js';
import { LAYER_IDS, PARCEL_ID_PROPERTY, SOURCE_IDS } from './layer-ids.js';
import { BACKGROUND_COLOUR, BUILDING_STYLE, PARCEL_FILL_OPACITY, PARCEL_LINE_WIDTH, PERIMETER_STYLE, SELECTED_PARCEL_STYLE } from './map-symbols.js';
import type { ParcelLayerData } from './parcel-layer-data.js';

/** Data the site style starts with; the controller replaces buildings and parcels per phase. */
export interface BaseStyleInput {
  perimeter: MultiPolygon | null;
  context?: ContextCollection;
  buildings?: BuildingCollection;
  parcels?: ParcelLayerData;
}

export { BACKGROUND_COLOUR, PARCEL_FILL_OPACITY };

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
 * The parcels' fill. One service: the organisation's colour, translucent. Every service at once, parcels
 * of several services lie on top of each other and translucent fills would mix into colours that are in
 * no legend: each parcel is then filled opaque with the colour a translucent one has on bare ground (the
 * legend's swatch), the smaller on top (see the layer's sort key), and the outlines show the others.
 */
export function parcelFillPaint(allServices: boolean): { 'fill-color': ExpressionSpecification; 'fill-opacity': number } {
  return allServices
    ? { 'fill-color': ['get', 'shownColour'], 'fill-opacity': 1 }
    : { 'fill-color': ['get', 'colour'], 'fill-opacity': PARCEL_FILL_OPACITY };
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
        // A small parcel inside a large one stays visible (and clickable) on top of it.
        layout: { 'fill-sort-key': ['-', 0, ['get', 'footprint']] },
        paint: parcelFillPaint(false),
      },
      {
        id: LAYER_IDS.buildingsFill,
        type: 'fill',
        source: SOURCE_IDS.buildings,
        paint: { 'fill-color': BUILDING_STYLE.fill, 'fill-outline-color': BUILDING_STYLE.outline },
      },
      {
        id: LAYER_IDS.parcelsLine,
        type: 'line',
        source: SOURCE_IDS.parcels,
        paint: { 'line-color': ['get', 'outlineColour'], 'line-width': PARCEL_LINE_WIDTH },
      },
      {
        id: LAYER_IDS.parcelsSelectedLine,
        type: 'line',
        source: SOURCE_IDS.parcels,
        filter: ['==', ['get', PARCEL_ID_PROPERTY], ''],
        paint: { 'line-color': SELECTED_PARCEL_STYLE.colour, 'line-width': SELECTED_PARCEL_STYLE.width },
      },
      {
        id: LAYER_IDS.perimeterLine,
        type: 'line',
        source: SOURCE_IDS.perimeter,
        paint: { 'line-color': PERIMETER_STYLE.colour, 'line-width': PERIMETER_STYLE.width, 'line-dasharray': [...PERIMETER_STYLE.dashes] },
      },
    ],
  };
}
