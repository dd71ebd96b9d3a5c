import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { geometryBbox } from '../../../../core/analysis/geometry-bbox.js';
import { geometryBounds } from '../../../../core/analysis/geometry-bounds.js';
import { boundsMeet } from '../../../../core/geometry/bounds-meet.js';
import type { MultiPolygon, Polygon } from '../../../../core/schemas/geojson.schema.js';

// Real Bondy parcels and buildings, plus drawn squares (see geodesic-area.test.ts).
const fixtureUrl = new URL('../../../fixtures/geometry/area/postgis-areas.geojson', import.meta.url);
const fixture = JSON.parse(readFileSync(fixtureUrl, 'utf8')) as {
  features: Array<{ properties: { name: string }; geometry: Polygon | MultiPolygon }>;
};
const polygonsOf = (geometry: Polygon | MultiPolygon) => (geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates);
const features = fixture.features.map((feature) => [feature.properties.name, polygonsOf(feature.geometry)] as const);

describe('geometryBounds and geometryBbox', () => {
  it.each(features)('hold every position of %s, and reach the extreme ones', (_name, polygons) => {
    const bounds = geometryBounds(polygons);
    const positions = polygons.flat(2);
    for (const [x, y] of positions) {
      expect(bounds.minX <= x && x <= bounds.maxX && bounds.minY <= y && y <= bounds.maxY).toBe(true);
    }
    expect(positions.some(([x]) => x === bounds.minX)).toBe(true);
    expect(positions.some(([, y]) => y === bounds.maxY)).toBe(true);
    expect(geometryBbox(polygons)).toEqual([bounds.minX, bounds.minY, bounds.maxX, bounds.maxY]);
  });
});

describe('boundsMeet', () => {
  const all = features.map(([name, polygons]) => [name, geometryBounds(polygons)] as const);

  it('is symmetric, and every box meets itself', () => {
    for (const [, first] of all) {
      expect(boundsMeet(first, first)).toBe(true);
      for (const [, second] of all) expect(boundsMeet(first, second)).toBe(boundsMeet(second, first));
    }
  });

  it('counts boxes that only touch, edge or corner, and not boxes a few units in the last place apart', () => {
    const box = all[0]![1];
    const width = box.maxX - box.minX;
    const height = box.maxY - box.minY;
    const east = { minX: box.maxX, minY: box.minY, maxX: box.maxX + width, maxY: box.maxY };
    const northEast = { minX: box.maxX, minY: box.maxY, maxX: box.maxX + width, maxY: box.maxY + height };
    const apart = { ...east, minX: box.maxX + Number.EPSILON * 8 };
    expect(boundsMeet(box, east)).toBe(true);
    expect(boundsMeet(box, northEast)).toBe(true);
    expect(boundsMeet(box, apart)).toBe(false);
    expect(boundsMeet(apart, box)).toBe(false);
  });
});
