import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { GEOMETRY_FAULTS } from '../../../../core/geometry/geometry-faults.js';
import { validateAreaGeometry, type AreaGeometryOptions, type ValidationResult } from '../../../../core/geometry/validate-area-geometry.js';
import type { Position } from '../../../../core/schemas/geojson.schema.js';
import { expectGoldenFile } from '../../../support/golden-file.js';
import { deepFreeze } from '../../../support/deep-freeze.js';

// Turf-style golden fixtures: every file in valid/ and invalid/ is run; the result is written to
// out/ as a coloured FeatureCollection (open it in any GeoJSON viewer) and compared with it next
// time. REGEN=1 rewrites the outputs for review.
const fixturesDirectory = new URL('../../../fixtures/geometry/', import.meta.url);

interface FixtureProperties {
  description: string;
  expectedReason?: string;
  expectedLocation?: [number, number];
  /** Degrees; for faults located by a sample point on the faulty stretch rather than a corner. */
  locationTolerance?: number;
  expectedMessageIncludes?: string;
  expectedWarnings?: number;
  options?: AreaGeometryOptions;
}

interface Fixture {
  name: string;
  properties: FixtureProperties;
  geometry: unknown;
}

function readFixtures(kind: 'valid' | 'invalid'): Fixture[] {
  const directory = new URL(`${kind}/`, fixturesDirectory);
  return readdirSync(directory)
    .filter((file) => file.endsWith('.geojson'))
    .sort()
    .map((file) => {
      const feature = JSON.parse(readFileSync(new URL(file, directory), 'utf8')) as { properties: FixtureProperties; geometry: unknown };
      return { name: file.replace(/\.geojson$/, ''), properties: feature.properties, geometry: feature.geometry };
    });
}

function outputCollection(fixture: Fixture, result: ValidationResult) {
  const input = { type: 'Feature', properties: { stroke: '#1f78b4', 'fill-opacity': 0.1, ...fixture.properties }, geometry: fixture.geometry };
  if (result.valid) {
    return { type: 'FeatureCollection', features: [input, { type: 'Feature', properties: { stroke: '#33a02c', fill: '#33a02c', warnings: result.warnings }, geometry: result.geometry }] };
  }
  const { location, ...fault } = result;
  const marker = location === undefined ? [] : [{ type: 'Feature', properties: { 'marker-color': '#e31a1c', ...fault }, geometry: { type: 'Point', coordinates: location } }];
  return { type: 'FeatureCollection', features: [input, ...marker], fault };
}

function expectGolden(kind: string, fixture: Fixture, result: ValidationResult): void {
  const file = new URL(`out/${kind}/${fixture.name}.geojson`, fixturesDirectory);
  const actual = outputCollection(fixture, result);
  expectGoldenFile(file, actual, { indent: 1 });
}

function distance(first: Position, second: Position): number {
  return Math.hypot(first[0] - second[0], first[1] - second[1]);
}

describe('validateAreaGeometry on invalid fixtures', () => {
  it.each(readFixtures('invalid'))('refuses $name', (fixture) => {
    const { properties } = fixture;
    const result = validateAreaGeometry(deepFreeze(fixture.geometry), properties.options);
    expect(result.valid, properties.description).toBe(false);
    if (result.valid) return;
    expect(result.reason).toBe(properties.expectedReason);
    expect(Object.values(GEOMETRY_FAULTS)).toContain(result.reason);
    expect(result.message).toMatch(/^[A-Z].*\.$/);
    expect(result.path).toMatch(/^(coordinates(\[\d+\])*|type|crs|bbox|[a-z]+|)$/);
    if (properties.expectedMessageIncludes !== undefined) expect(result.message).toContain(properties.expectedMessageIncludes);
    if (properties.expectedLocation !== undefined) {
      expect(result.location, 'the fault has a place').toBeDefined();
      expect(distance(result.location as Position, properties.expectedLocation)).toBeLessThanOrEqual(properties.locationTolerance ?? 1e-9);
    }
    expectGolden('invalid', fixture, result);
  });

  it('has a fixture for every fault code but zero_area, which simple rings cannot reach', () => {
    const covered = new Set(readFixtures('invalid').map((fixture) => fixture.properties.expectedReason));
    const missing = Object.values(GEOMETRY_FAULTS).filter((code) => !covered.has(code));
    expect(missing).toEqual([GEOMETRY_FAULTS.zeroArea]);
  });
});

describe('validateAreaGeometry on valid fixtures', () => {
  it.each(readFixtures('valid'))('accepts $name', (fixture) => {
    const { properties } = fixture;
    const result = validateAreaGeometry(deepFreeze(fixture.geometry), properties.options);
    expect(result, properties.description).toMatchObject({ valid: true });
    if (!result.valid) return;
    expect(result.geometry.type).toBe('MultiPolygon');
    expect(result.warnings).toHaveLength(properties.expectedWarnings ?? 0);
    for (const polygon of result.geometry.coordinates) {
      polygon.forEach((ring, ringIndex) => expect(isCounterClockwise(ring)).toBe(ringIndex === 0));
    }
    expect(validateAreaGeometry(result.geometry, properties.options), 'the output validates to itself').toMatchObject({ valid: true, geometry: result.geometry });
    expectGolden('valid', fixture, result);
  });
});

function isCounterClockwise(ring: Position[]): boolean {
  let twiceArea = 0;
  for (let index = 0; index + 1 < ring.length; index += 1) {
    const [x1, y1] = ring[index] as Position;
    const [x2, y2] = ring[index + 1] as Position;
    twiceArea += (x1 - 2.48) * (y2 - 48.9) - (x2 - 2.48) * (y1 - 48.9);
  }
  return twiceArea > 0;
}

const square = (): Position[] => [
  [2.48, 48.9],
  [2.4803, 48.9],
  [2.4803, 48.9003],
  [2.48, 48.9003],
  [2.48, 48.9],
];

describe('validateAreaGeometry on values JSON cannot carry', () => {
  it.each([
    ['NaN', Number.NaN, 'NaN'],
    ['Infinity', Number.POSITIVE_INFINITY, 'Infinity'],
    ['-Infinity', Number.NEGATIVE_INFINITY, '-Infinity'],
    ['a string', '48.9003', 'the string "48.9003"'],
    ['null', null, 'null'],
    ['undefined', undefined, 'nothing'],
  ])('refuses a latitude that is %s and names it', (_name, value, described) => {
    const ring: unknown[][] = square();
    ring[2] = [2.4803, value];
    const result = validateAreaGeometry(deepFreeze({ type: 'Polygon', coordinates: [ring] }));
    expect(result).toMatchObject({ valid: false, reason: GEOMETRY_FAULTS.coordinateNotANumber, path: 'coordinates[0][2][1]' });
    expect(result.valid === false && result.message).toContain(described);
  });

  it.each([null, undefined, 42, 'Polygon', [square()]])('refuses %j as not a geometry object', (input) => {
    expect(validateAreaGeometry(input)).toMatchObject({ valid: false, reason: GEOMETRY_FAULTS.unsupportedGeometryType });
  });
});

describe('validateAreaGeometry messages and normalisation', () => {
  it('tells that Lambert-93 metres were sent instead of degrees', () => {
    const lambert93 = [[661400, 6868300], [661430, 6868300], [661430, 6868330], [661400, 6868300]];
    const result = validateAreaGeometry({ type: 'Polygon', coordinates: [lambert93] });
    expect(result).toMatchObject({ valid: false, reason: GEOMETRY_FAULTS.projectedCoordinates, path: 'coordinates[0][0]' });
    expect(result.valid === false && result.message).toContain('looks like Lambert-93 (EPSG:2154) metres, send WGS84 longitude/latitude');
  });

  it('outputs the exterior counter-clockwise and holes clockwise whatever the input winding', () => {
    const clockwiseShell = square().reverse();
    const counterClockwiseHole: Position[] = [[2.4801, 48.9001], [2.4802, 48.9001], [2.4802, 48.9002], [2.4801, 48.9002], [2.4801, 48.9001]];
    const result = validateAreaGeometry(deepFreeze({ type: 'Polygon', coordinates: [clockwiseShell, counterClockwiseHole] }));
    expect(result.valid).toBe(true);
    if (!result.valid) return;
    const [shell, hole] = result.geometry.coordinates[0] ?? [];
    expect(shell).toEqual(square());
    expect(hole).toEqual([...counterClockwiseHole].reverse());
  });

  it('reports paths into a MultiPolygon with the polygon index first', () => {
    const bowtie = [[2.48, 48.9], [2.4804, 48.9004], [2.4804, 48.9], [2.48, 48.9004], [2.48, 48.9]];
    const result = validateAreaGeometry({ type: 'MultiPolygon', coordinates: [[square()], [bowtie.map(([x, y]) => [(x as number) + 0.001, y])]] });
    expect(result).toMatchObject({ valid: false, reason: GEOMETRY_FAULTS.selfIntersection });
    expect(result.valid === false && result.path).toMatch(/^coordinates\[1\]\[0\]\[\d\]$/);
  });

  it('drops heights with a warning rather than refusing them', () => {
    const result = validateAreaGeometry({ type: 'Polygon', coordinates: [square().map(([x, y]) => [x, y, 35])] });
    expect(result).toMatchObject({ valid: true, geometry: { coordinates: [[square()]] } });
    expect(result.valid && result.warnings[0]).toContain('Dropped');
  });

  it('never mutates its input, valid or not', () => {
    const clockwise = deepFreeze({ type: 'Polygon', coordinates: [square().reverse()] });
    expect(() => validateAreaGeometry(clockwise)).not.toThrow();
    expect(validateAreaGeometry(clockwise).valid).toBe(true);
  });

  it('uses 10,000 positions as the default limit', () => {
    const corners = 10_001;
    const circle: Position[] = Array.from({ length: corners }, (_, index) => {
      const angle = (2 * Math.PI * index) / corners;
      return [2.48 + 0.001 * Math.cos(angle), 48.9 + 0.001 * Math.sin(angle)];
    });
    circle.push(circle[0] as Position);
    expect(validateAreaGeometry({ type: 'Polygon', coordinates: [circle] })).toMatchObject({ reason: GEOMETRY_FAULTS.tooManyVertices });
    expect(validateAreaGeometry({ type: 'Polygon', coordinates: [circle] }, { maxVertices: 20_000 }).valid).toBe(true);
  });
});
