import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { signedPlanarArea } from '../../../../core/geometry/signed-planar-area.js';
import type { MultiPolygon, Polygon, Position } from '../../../../core/schemas/geojson.schema.js';

// Real Bondy parcels and buildings, plus drawn squares (see geodesic-area.test.ts).
const fixtureUrl = new URL('../../../fixtures/geometry/area/postgis-areas.geojson', import.meta.url);
const fixture = JSON.parse(readFileSync(fixtureUrl, 'utf8')) as {
  features: Array<{ properties: { name: string }; geometry: Polygon | MultiPolygon }>;
};
const exteriorRings = fixture.features.flatMap((feature) =>
  (feature.geometry.type === 'Polygon' ? [feature.geometry.coordinates] : feature.geometry.coordinates).map(
    (rings, index) => [`${feature.properties.name} #${index}`, rings[0] as Position[]] as const,
  ),
);

describe('signedPlanarArea', () => {
  it.each(exteriorRings)('gives %s the same size open or closed, and the opposite sign reversed', (_name, ring) => {
    const closed = signedPlanarArea(ring);
    const open = signedPlanarArea(ring.slice(0, -1));
    const reversed = signedPlanarArea(ring.slice().reverse());
    expect(closed).not.toBe(0);
    expect(open).toBeCloseTo(closed, 18);
    expect(reversed).toBeCloseTo(-closed, 18);
    // Twice reversed is the ring again.
    expect(signedPlanarArea(ring.slice().reverse().reverse())).toBe(closed);
  });

  it('is positive counter-clockwise and negative clockwise, in squared degrees', () => {
    const counterClockwise: Position[] = [[2, 48], [2.001, 48], [2.001, 48.002], [2, 48.002], [2, 48]];
    expect(signedPlanarArea(counterClockwise)).toBeCloseTo(0.000002, 15);
    expect(signedPlanarArea(counterClockwise.slice().reverse())).toBeCloseTo(-0.000002, 15);
  });

  it('gives nothing for an empty ring or a line', () => {
    expect(signedPlanarArea([])).toBe(0);
    expect(signedPlanarArea([[2, 48], [2.001, 48.001], [2, 48]])).toBe(0);
  });
});
