import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { pointInArea } from '../../../../core/analysis/point-in-area.js';
import { buildPlanarRings } from '../../../../core/geometry/planar-ring.js';
import { placeInRing } from '../../../../core/geometry/place-in-polygon.js';
import { pointInPlanarRing } from '../../../../core/geometry/point-in-planar-ring.js';
import type { MultiPolygon, Polygon, Position } from '../../../../core/schemas/geojson.schema.js';

// Real Bondy parcels and buildings, plus drawn squares (see geodesic-area.test.ts).
const fixtureUrl = new URL('../../../fixtures/geometry/area/postgis-areas.geojson', import.meta.url);
const fixture = JSON.parse(readFileSync(fixtureUrl, 'utf8')) as {
  features: Array<{ properties: { name: string }; geometry: Polygon | MultiPolygon }>;
};
const polygonsOf = (geometry: Polygon | MultiPolygon) => (geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates);
const features = fixture.features.map((feature) => [feature.properties.name, polygonsOf(feature.geometry)] as const);
const byName = new Map(features);
const midpoint = (first: Position, second: Position): Position => [(first[0] + second[0]) / 2, (first[1] + second[1]) / 2];

describe('pointInArea', () => {
  it.each(features)('counts every corner of %s in (boundary included), and a point 1 km away out', (_name, polygons) => {
    for (const rings of polygons) {
      for (const ring of rings) {
        for (let index = 0; index + 1 < ring.length; index += 1) {
          // Corners only: an edge's computed midpoint is rounded off the edge, and the tests are exact.
          expect(pointInArea(ring[index]!, polygons)).toBe(true);
        }
      }
    }
    const [x, y] = polygons[0]![0]![0]!;
    expect(pointInArea([x + 0.014, y], polygons)).toBe(false);
  });

  it('leaves out the inside of a hole but keeps its edge, and finds either square of a multipolygon', () => {
    const holed = byName.get('square with a hole')!;
    const hole = holed[0]![1]!;
    const holeCentre = midpoint(hole[0]!, hole[2]!);
    expect(pointInArea(holeCentre, holed)).toBe(false);
    expect(pointInArea(hole[0]!, holed)).toBe(true);
    const shell = holed[0]![0]!;
    expect(pointInArea(midpoint(shell[0]!, hole[0]!), holed)).toBe(true);
    const squares = byName.get('two squares')!;
    for (const rings of squares) expect(pointInArea(midpoint(rings[0]![0]!, rings[0]![2]!), squares)).toBe(true);
    expect(pointInArea(holeCentre, [])).toBe(false);
    expect(pointInArea(holeCentre, [[]])).toBe(false);
  });
});

describe('pointInPlanarRing', () => {
  it.each(features)('agrees with placeInRing off the rings of %s, on a grid over its box', (_name, polygons) => {
    const prepared = buildPlanarRings(polygons);
    for (const [polygonIndex, rings] of polygons.entries()) {
      for (const [ringIndex, ring] of rings.entries()) {
        const planar = prepared[polygonIndex]![ringIndex]!;
        const { minX, minY, maxX, maxY } = planar.bounds;
        let compared = 0;
        for (let column = -1; column <= 11; column += 1) {
          for (let row = -1; row <= 11; row += 1) {
            const point: Position = [minX + ((maxX - minX) * column) / 10 + 1e-9, minY + ((maxY - minY) * row) / 10 + 1e-9];
            const place = placeInRing(point, ring);
            if (place === 'boundary') continue;
            expect(pointInPlanarRing(point, planar)).toBe(place === 'inside');
            compared += 1;
          }
        }
        expect(compared).toBeGreaterThan(150);
      }
    }
  });
});
