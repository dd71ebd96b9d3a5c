import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { buildBaseStyle, PARCEL_FILL_OPACITY, parcelFillPaint } from '../../../web/src/map/base-style.js';
import { BACKGROUND_COLOUR, colourOverBackground } from '../../../web/src/map/map-symbols.js';
import { LAYER_IDS } from '../../../web/src/map/layer-ids.js';
import { toParcelLayerData } from '../../../web/src/map/parcel-layer-data.js';
import { context, organisations, parcels } from './fixtures.js';

// The style-spec package maplibre-gl itself uses (resolved from maplibre-gl, whatever npm hoisted).
const requireFromMaplibre = createRequire(createRequire(import.meta.url).resolve('maplibre-gl/package.json'));
const styleSpec = requireFromMaplibre('@maplibre/maplibre-gl-style-spec') as {
  validateStyleMin: (style: unknown) => Array<{ message: string }>;
  expression: {
    createPropertyExpression: (
      value: unknown,
      rootKey: string,
      spec: unknown,
    ) => { result: string; value: { evaluate: (globals: { zoom: number }, feature: unknown) => number } };
  };
  latest: Record<string, Record<string, unknown>>;
};

const perimeter = {
  type: 'MultiPolygon' as const,
  coordinates: [[[[2.35, 48.85], [2.354, 48.85], [2.354, 48.852], [2.35, 48.852], [2.35, 48.85]] as [number, number][]]],
};
const style = buildBaseStyle({ perimeter, context, parcels: toParcelLayerData(parcels.features, organisations) });
const layer = (id: string) => style.layers.find((candidate) => candidate.id === id);

describe('buildBaseStyle', () => {
  it('is a valid MapLibre style', () => {
    expect(styleSpec.validateStyleMin(style)).toEqual([]);
    expect(styleSpec.validateStyleMin(buildBaseStyle({ perimeter: null }))).toEqual([]);
  });

  it('needs nothing from the network: no glyphs, no sprite, no URL, no text layer', () => {
    expect(style.glyphs).toBeUndefined();
    expect(style.sprite).toBeUndefined();
    expect(JSON.stringify(style)).not.toMatch(/https?:|\{z\}|mapbox:|pmtiles:/);
    for (const source of Object.values(style.sources)) expect(source.type).toBe('geojson');
    expect(style.layers.map((candidate) => candidate.type)).not.toContain('symbol');
  });

  it('has the layer ids the tests and the app rely on, in drawing order', () => {
    const ids = style.layers.map((candidate) => candidate.id);
    for (const id of ['parcels-fill', 'parcels-line', 'buildings-fill', 'streets-line', 'cadastre-line', 'perimeter-line']) {
      expect(ids).toContain(id);
    }
    expect(ids[0]).toBe(LAYER_IDS.background);
    expect(ids.indexOf('streets-line')).toBeLessThan(ids.indexOf('parcels-fill'));
    expect(ids.indexOf('parcels-fill')).toBeLessThan(ids.indexOf('buildings-fill'));
    expect(ids.indexOf('buildings-fill')).toBeLessThan(ids.indexOf('parcels-line'));
    expect(ids.at(-1)).toBe('perimeter-line');
  });

  it('fills parcels with their organisation colour, half transparent, outlined darker', () => {
    expect(layer('parcels-fill')).toMatchObject({
      paint: { 'fill-color': ['get', 'colour'], 'fill-opacity': PARCEL_FILL_OPACITY },
    });
    expect(PARCEL_FILL_OPACITY).toBeCloseTo(0.55);
    expect(layer('parcels-line')).toMatchObject({ paint: { 'line-color': ['get', 'outlineColour'] } });
  });

  it('draws smaller parcels over larger ones', () => {
    expect(layer('parcels-fill')).toMatchObject({ layout: { 'fill-sort-key': ['-', 0, ['get', 'footprint']] } });
  });

  it('fills every service at once opaque with the colour one translucent parcel has on bare ground, so stacked parcels do not mix', () => {
    expect(parcelFillPaint(true)).toEqual({ 'fill-color': ['get', 'shownColour'], 'fill-opacity': 1 });
    expect(parcelFillPaint(false)).toEqual({ 'fill-color': ['get', 'colour'], 'fill-opacity': PARCEL_FILL_OPACITY });
    expect(layer('background')).toMatchObject({ paint: { 'background-color': BACKGROUND_COLOUR } });
    // 0.55 × colour + 0.45 × the background, channel by channel.
    expect(colourOverBackground('#000000')).toBe('#6d6c6a');
    expect(colourOverBackground('#f3f1ec')).toBe('#f3f1ec');
    expect(colourOverBackground('#ffffff', 1)).toBe('#ffffff');
    expect(() => colourOverBackground('red')).toThrow(/#1f78b4/);
  });

  it('dashes the perimeter', () => {
    expect(layer('perimeter-line')).toMatchObject({ paint: { 'line-dasharray': [3, 2] } });
  });

  it('draws wider streets for bigger kinds, and the casing wider than the street', () => {
    const widthOf = (layerId: string, kind: string | null, zoom: number) => {
      const paint = (layer(layerId) as { paint: Record<string, unknown> }).paint;
      const compiled = styleSpec.expression.createPropertyExpression(paint['line-width'], 'line-width', styleSpec.latest.paint_line?.['line-width']);
      expect(compiled.result).toBe('success');
      return compiled.value.evaluate({ zoom }, { type: 'LineString', properties: { kind } });
    };
    expect(widthOf('streets-line', 'primary', 17)).toBeGreaterThan(widthOf('streets-line', 'residential', 17));
    expect(widthOf('streets-line', 'residential', 17)).toBeGreaterThan(widthOf('streets-line', 'footway', 17));
    expect(widthOf('streets-line', null, 17)).toBeGreaterThan(0);
    expect(widthOf('streets-casing', 'residential', 17)).toBeGreaterThan(widthOf('streets-line', 'residential', 17));
    expect(widthOf('streets-line', 'residential', 19)).toBeGreaterThan(widthOf('streets-line', 'residential', 15));
  });

  it('puts the perimeter in its source', () => {
    expect(style.sources.perimeter).toMatchObject({ data: { type: 'Feature', geometry: perimeter } });
  });
});
