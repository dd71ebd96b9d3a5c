import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { areaEdges } from '../../../../core/analysis/area-edges.js';
import { placePoint } from '../../../../core/analysis/place-point.js';
import { placeInPolygon } from '../../../../core/geometry/place-in-polygon.js';
import { rayCrossing } from '../../../../core/geometry/ray-crossing.js';
import type { MultiPolygon, Polygon, Position } from '../../../../core/schemas/geojson.schema.js';

// Real Bondy parcels and buildings, plus drawn squares (see geodesic-area.test.ts).
const fixtureUrl = new URL('../../../fixtures/geometry/area/postgis-areas.geojson', import.meta.url);
const fixture = JSON.parse(readFileSync(fixtureUrl, 'utf8')) as {
  features: Array<{ properties: { name: string }; geometry: Polygon | MultiPolygon }>;
};
const polygonsOf = (geometry: Polygon | MultiPolygon) => (geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates);
const features = fixture.features.map((feature) => [feature.properties.name, polygonsOf(feature.geometry)] as const);

/** placeInPolygon over each polygon of an area: on the boundary of one, inside one, or outside all. */
function placeInArea(point: Position, polygons: Position[][][]): 'inside' | 'outside' | 'boundary' {
  const places = polygons.map((rings) => placeInPolygon(point, rings));
  if (places.includes('boundary')) return 'boundary';
  return places.includes('inside') ? 'inside' : 'outside';
}

describe('rayCrossing', () => {
  it('tells an edge crossed going up, going down, not crossed, and a point on it', () => {
    expect(rayCrossing(1, 0, 1, 1, 0.5, 0.5)).toBe(1);
    expect(rayCrossing(1, 1, 1, 0, 0.5, 0.5)).toBe(-1);
    // West of the point: the eastward ray does not meet it.
    expect(rayCrossing(0, 0, 0, 1, 0.5, 0.5)).toBe(0);
    // Horizontal: never crossed. Half-open: an edge whose lower end is at the ray's height counts, one whose
    // upper end is does not, so two edges meeting on the ray count once.
    expect(rayCrossing(0, 0.5, 1, 0.5, -1, 0.5)).toBe(0);
    expect(rayCrossing(1, 0.5, 1, 1, 0.5, 0.5)).toBe(1);
    expect(rayCrossing(1, 1, 1, 0.5, 0.5, 0.5)).toBe(-1);
    expect(rayCrossing(1, 0, 1, 0.5, 0.5, 0.5)).toBe(0);
    expect(rayCrossing(0, 0, 1, 1, 0.5, 0.5)).toBe('boundary');
    expect(rayCrossing(0, 0, 1, 1, 0, 0)).toBe('boundary');
    // On the edge's line but past its end: not on it.
    expect(rayCrossing(0, 0, 1, 1, 2, 2)).toBe(0);
  });
});

describe('placePoint (indexed edges, even-odd) and placeInPolygon (winding) give the same places', () => {
  it.each(features)('on a grid over %s, its corners and a point 1 km away', (_name, polygons) => {
    const edges = areaEdges(polygons);
    const ring = polygons[0]![0]!;
    const xs = ring.map((position) => position[0]);
    const ys = ring.map((position) => position[1]);
    const [minX, maxX, minY, maxY] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
    const points: Position[] = [...ring, [ring[0]![0] + 0.014, ring[0]![1]]];
    for (let column = -1; column <= 11; column += 1) {
      for (let row = -1; row <= 11; row += 1) points.push([minX + ((maxX - minX) * column) / 10, minY + ((maxY - minY) * row) / 10]);
    }
    const places = points.map((point) => placeInArea(point, polygons));
    expect(points.map((point) => placePoint(edges, point[0], point[1]))).toEqual(places);
    expect(places.filter((place) => place === 'inside').length).toBeGreaterThan(10);
    expect(places.slice(0, ring.length).every((place) => place === 'boundary')).toBe(true);
  });
});
