import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { geodesicArea } from '../../../../core/geometry/geodesic-area.js';
import type { MultiPolygon, Polygon } from '../../../../core/schemas/geojson.schema.js';

// Each `postgisArea` was computed with PostGIS 3.3.2,
// `ST_Area(ST_GeomFromGeoJSON(geometry)::geography)`, on 127.0.0.1 inside a rolled-back transaction.
// The first five features are real Bondy cadastre parcels (DGFiP / Etalab) and OSM buildings from
// data/sources/; the last two are drawn squares (one with a hole, one multipolygon).
const fixtureUrl = new URL('../../../fixtures/geometry/area/postgis-areas.geojson', import.meta.url);
const fixture = JSON.parse(readFileSync(fixtureUrl, 'utf8')) as {
  features: Array<{ properties: { name: string; postgisArea: number }; geometry: Polygon | MultiPolygon }>;
};

const square = (longitude: number, latitude: number, side: number) => [
  [longitude, latitude],
  [longitude + side, latitude],
  [longitude + side, latitude + side],
  [longitude, latitude + side],
  [longitude, latitude],
] as Array<[number, number]>;

describe('geodesicArea', () => {
  it.each(fixture.features.map((feature) => [feature.properties.name, feature] as const))(
    'agrees with PostGIS geography to 0.01%% on %s',
    (_name, feature) => {
      const relativeDifference = Math.abs(geodesicArea(feature.geometry) - feature.properties.postgisArea) / feature.properties.postgisArea;
      expect(relativeDifference).toBeLessThan(1e-4);
    },
  );

  it('does not depend on the winding of the rings', () => {
    const counterClockwise = square(2.48, 48.9, 0.0003);
    const clockwise = [...counterClockwise].reverse();
    expect(geodesicArea({ type: 'Polygon', coordinates: [clockwise] })).toBeCloseTo(
      geodesicArea({ type: 'Polygon', coordinates: [counterClockwise] }),
      6,
    );
  });

  it('subtracts holes and adds the parts of a multipolygon', () => {
    const shell = square(2.48, 48.9, 0.002);
    const hole = square(2.4805, 48.9005, 0.0005).reverse();
    const withHole = geodesicArea({ type: 'Polygon', coordinates: [shell, hole] });
    const shellOnly = geodesicArea({ type: 'Polygon', coordinates: [shell] });
    const holeOnly = geodesicArea({ type: 'Polygon', coordinates: [hole] });
    expect(withHole).toBeCloseTo(shellOnly - holeOnly, 6);
    expect(geodesicArea({ type: 'MultiPolygon', coordinates: [[shell], [hole]] })).toBeCloseTo(shellOnly + holeOnly, 6);
  });

  it('gives about 400 m² for a 20 m square in Bondy', () => {
    // 20 m is 0.00018 degrees of latitude and 0.000273 degrees of longitude at 48.9° N.
    const area = geodesicArea({
      type: 'Polygon',
      coordinates: [[[2.48, 48.9], [2.480273, 48.9], [2.480273, 48.90018], [2.48, 48.90018], [2.48, 48.9]]],
    });
    expect(area).toBeGreaterThan(390);
    expect(area).toBeLessThan(410);
  });
});
