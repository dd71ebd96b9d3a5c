import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { geodesicArea } from '../../../../core/geometry/geodesic-area.js';
import { difference, intersection, union } from '../../../../core/geometry/polygon-clipping.js';
import type { MultiPolygon, Position } from '../../../../core/schemas/geojson.schema.js';
import { deepFreeze } from '../../../support/deep-freeze.js';

// The subtractArea fixtures (a parcel, then the area taken from it): real Bondy-sized pairs that
// overlap, touch, nest, split and cover each other.
const fixturesDirectory = new URL('../../../fixtures/geometry/', import.meta.url);
const pairs = readdirSync(new URL('subtract/in/', fixturesDirectory))
  .filter((file) => file.endsWith('.geojson'))
  .sort()
  .map((file) => {
    const collection = JSON.parse(readFileSync(new URL(`subtract/in/${file}`, fixturesDirectory), 'utf8')) as { features: Array<{ geometry: MultiPolygon }> };
    const [first, second] = collection.features.map((feature) => deepFreeze(feature.geometry.coordinates));
    return { name: file.replace(/\.geojson$/, ''), first: first!, second: second! };
  });

const areaOf = (polygons: Position[][][]) => (polygons.length === 0 ? 0 : geodesicArea({ type: 'MultiPolygon', coordinates: polygons }));
// Areas on the ellipsoid are not exactly additive over lon/lat edges: a relative 1e-6 is enough.
const expectSameArea = (actual: number, expected: number) => expect(Math.abs(actual - expected)).toBeLessThanOrEqual(1e-6 * Math.max(expected, 1));

/** MultiPolygon coordinates of closed rings of four positions or more, whatever Turf answered (Polygon or MultiPolygon). */
function expectPolygons(polygons: Position[][][]): void {
  for (const rings of polygons) {
    expect(rings.length).toBeGreaterThan(0);
    for (const ring of rings) {
      expect(ring.length).toBeGreaterThanOrEqual(4);
      expect(ring[0]).toEqual(ring[ring.length - 1]);
      for (const position of ring) expect(position).toHaveLength(2);
    }
  }
}

describe('intersection, difference and union (Turf) on the subtract fixtures', () => {
  it.each(pairs)('$name: the shared part and the rest add up to each geometry, the union to both less the shared part', ({ first, second }) => {
    const shared = intersection(first, second);
    const firstOnly = difference(first, second);
    const both = union(first, second);
    for (const result of [shared, firstOnly, both]) expectPolygons(result);
    expectSameArea(areaOf(intersection(second, first)), areaOf(shared));
    expectSameArea(areaOf(firstOnly) + areaOf(shared), areaOf(first));
    expectSameArea(areaOf(difference(second, first)) + areaOf(shared), areaOf(second));
    expectSameArea(areaOf(both), areaOf(first) + areaOf(second) - areaOf(shared));
  });

  it.each(pairs)('$name: with one geometry, difference and union give it back re-noded, area unchanged', ({ first }) => {
    for (const result of [difference(first), union(first)]) {
      expectPolygons(result);
      expectSameArea(areaOf(result), areaOf(first));
    }
  });

  it('answers [] for nothing left or nothing shared, and takes more than two geometries', () => {
    const byName = new Map(pairs.map((pair) => [pair.name, pair]));
    const covered = byName.get('covered')!;
    expect(difference(covered.first, covered.second)).toEqual([]);
    const disjoint = byName.get('disjoint')!;
    expect(intersection(disjoint.first, disjoint.second)).toEqual([]);
    expect(intersection(disjoint.first, disjoint.first, disjoint.second)).toEqual([]);
    expect(union(disjoint.first, disjoint.second, disjoint.first)).toHaveLength(2);
    const splits = byName.get('strip-splits-in-two')!;
    expect(difference(splits.first, splits.second)).toHaveLength(2);
    expect(difference(splits.first, splits.second, splits.first)).toEqual([]);
  });

  it('re-nodes a self-crossing outline into simple polygons (the invalid bowtie fixture)', () => {
    const bowtie = JSON.parse(readFileSync(new URL('invalid/bowtie.geojson', fixturesDirectory), 'utf8')) as { geometry: { coordinates: Position[][] } };
    const pieces = difference([bowtie.geometry.coordinates]);
    expectPolygons(pieces);
    expect(pieces).toHaveLength(2);
    expect(union([bowtie.geometry.coordinates])).toEqual(pieces);
  });
});
