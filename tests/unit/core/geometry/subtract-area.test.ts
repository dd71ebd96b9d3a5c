import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { intersection } from '../../../../core/geometry/polygon-clipping.js';
import { geodesicArea } from '../../../../core/geometry/geodesic-area.js';
import { subtractArea } from '../../../../core/geometry/subtract-area.js';
import { validateAreaGeometry } from '../../../../core/geometry/validate-area-geometry.js';
import type { MultiPolygon } from '../../../../core/schemas/geojson.schema.js';
import { deepFreeze } from '../../../support/deep-freeze.js';
import { expectGoldenFile } from '../../../support/golden-file.js';

// Turf-style golden fixtures: each file of subtract/in/ holds the parcel (first feature) and the
// removed area (second); the result is written to subtract/out/ as a coloured FeatureCollection
// and compared with it next time. REGEN=1 rewrites the outputs for review.
const fixturesDirectory = new URL('../../../fixtures/geometry/subtract/', import.meta.url);

interface Fixture {
  name: string;
  description: string;
  geometry: MultiPolygon;
  removed: MultiPolygon;
}

function readFixtures(): Fixture[] {
  const directory = new URL('in/', fixturesDirectory);
  return readdirSync(directory)
    .filter((file) => file.endsWith('.geojson'))
    .sort()
    .map((file) => {
      const collection = JSON.parse(readFileSync(new URL(file, directory), 'utf8')) as {
        properties: { description: string };
        features: Array<{ geometry: MultiPolygon }>;
      };
      const [geometry, removed] = collection.features.map((feature) => feature.geometry) as [MultiPolygon, MultiPolygon];
      return { name: file.replace(/\.geojson$/, ''), description: collection.properties.description, geometry, removed };
    });
}

function outputCollection(fixture: Fixture, result: MultiPolygon | null) {
  const feature = (geometry: MultiPolygon, properties: Record<string, unknown>) => ({ type: 'Feature', properties, geometry });
  return {
    type: 'FeatureCollection',
    properties: { description: fixture.description, empty: result === null },
    features: [
      feature(fixture.geometry, { role: 'geometry', stroke: '#1f78b4', 'fill-opacity': 0.1 }),
      feature(fixture.removed, { role: 'removed', stroke: '#e31a1c', fill: '#e31a1c', 'fill-opacity': 0.2 }),
      ...(result ? [feature(result, { role: 'result', stroke: '#33a02c', fill: '#33a02c', 'fill-opacity': 0.4 })] : []),
    ],
  };
}

function expectGolden(fixture: Fixture, result: MultiPolygon | null): void {
  const file = new URL(`out/${fixture.name}.geojson`, fixturesDirectory);
  const actual = outputCollection(fixture, result);
  expectGoldenFile(file, actual, { indent: 1 });
}

describe('subtractArea on golden fixtures', () => {
  it.each(readFixtures())('$name', (fixture) => {
    const result = subtractArea(deepFreeze(fixture.geometry), deepFreeze(fixture.removed));
    expectGolden(fixture, result);
    const kept = intersection(fixture.geometry.coordinates, fixture.removed.coordinates);
    const expectedArea = geodesicArea(fixture.geometry) - (kept.length > 0 ? geodesicArea({ type: 'MultiPolygon', coordinates: kept }) : 0);
    if (result === null) {
      expect(expectedArea, fixture.description).toBeLessThan(1e-6);
      return;
    }
    // Areas on the ellipsoid are not exactly additive over lon/lat edges: a relative 1e-6 is enough.
    expect(Math.abs(geodesicArea(result) - expectedArea), fixture.description).toBeLessThan(1e-6 * expectedArea);
    // Already in validateAreaGeometry's normal form: the validation returns it unchanged.
    expect(validateAreaGeometry(result)).toEqual({ valid: true, geometry: result, warnings: [] });
  });

  it('covers the cases it promises: a hole, a split, nothing left', () => {
    const results = Object.fromEntries(readFixtures().map((fixture) => [fixture.name, subtractArea(fixture.geometry, fixture.removed)]));
    expect(results['covered']).toBeNull();
    expect(results['inside']?.coordinates[0]).toHaveLength(2);
    expect(results['strip-splits-in-two']?.coordinates).toHaveLength(2);
    expect(results['removes-one-part']?.coordinates).toHaveLength(1);
  });
});
