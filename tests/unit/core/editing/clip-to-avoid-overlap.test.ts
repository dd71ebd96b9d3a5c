import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { difference } from '../../../../core/geometry/polygon-clipping.js';
import { clipToAvoidOverlap } from '../../../../core/editing/clip-to-avoid-overlap.js';
import { insertSharedVertices } from '../../../../core/editing/insert-shared-vertices.js';
import { geodesicArea } from '../../../../core/geometry/geodesic-area.js';
import type { MultiPolygon } from '../../../../core/schemas/geojson.schema.js';
import { deepFreeze } from '../../../support/deep-freeze.js';
import { at, expectGolden, expectNormalised, multi, planarArea, positionKeys, rectangle, ring, sharedArea } from './editing-fixtures.js';

interface DemoParcel {
  id: string;
  geometry: MultiPolygon;
  properties: { services: string[]; fromPhase: number; toPhase: number | null };
}

/** The demo's cleaning parcels of the current phase (data/demo/parcels.geojson). */
function demoCleaningParcels(): DemoParcel[] {
  const collection = JSON.parse(readFileSync(new URL('../../../../data/demo/parcels.geojson', import.meta.url), 'utf8')) as { features: DemoParcel[] };
  return collection.features.filter(({ properties }) => properties.services.includes('nettoiement') && properties.fromPhase <= 0 && (properties.toPhase === null || properties.toPhase > 0));
}

describe('clipToAvoidOverlap', () => {
  it('fits a shape drawn roughly over the demo site\'s gap exactly into it', () => {
    const neighbours = demoCleaningParcels();
    // The demo's engineered gap (about 579 m²) is the strip between parcel-prive-05 to the south,
    // parcel-cad-AJ0101 to the north, parcel-cad-AJ0098 to the west and the avenue Carnot to the east.
    // The drawn quadrilateral covers it and spills over those four, and nothing else.
    const drawn = multi([[[2.47998, 48.89862], [2.48079, 48.89845], [2.48085, 48.89858], [2.48004, 48.89875], [2.47998, 48.89862]]]);
    const gap = difference(drawn.coordinates, ...neighbours.map((parcel) => parcel.geometry.coordinates));
    const gapArea = geodesicArea({ type: 'MultiPolygon', coordinates: gap });
    expect(gapArea).toBeGreaterThan(570);
    expect(gapArea).toBeLessThan(590);

    const result = clipToAvoidOverlap(deepFreeze(drawn), deepFreeze(neighbours.map((parcel) => parcel.geometry)), 1);
    expectGolden('clip', 'demo-gap', 'A quadrilateral drawn roughly over the demo gap, clipped by its neighbours', [{ role: 'drawn', geometry: drawn }, ...neighbours.filter((parcel) => sharedArea(parcel.geometry, drawn) > 0).map((parcel) => ({ role: parcel.id, geometry: parcel.geometry }))], result.geometry ? [{ role: 'clipped', geometry: result.geometry }] : []);
    expect(result).toMatchObject({ clipped: true, droppedSlivers: 0, newVertices: [] });
    expectNormalised(result.geometry);
    expect(Math.abs(geodesicArea(result.geometry!) - gapArea)).toBeLessThan(1e-6 * gapArea);
    for (const neighbour of neighbours) expect(sharedArea(result.geometry!, neighbour.geometry), neighbour.id).toBeLessThan(1e-6);
    // An exact fit: every vertex of the result is a vertex of a neighbour.
    const neighbourVertices = new Set(neighbours.flatMap((parcel) => [...positionKeys(parcel.geometry)]));
    for (const key of positionKeys(result.geometry!)) expect(neighbourVertices).toContain(key);
  });

  it('returns the input itself when it overlaps nothing, even a neighbour it touches', () => {
    const drawn = multi([rectangle(0, 0, 2, 2)]);
    const result = clipToAvoidOverlap(drawn, [multi([rectangle(2, 0, 4, 2)]), multi([rectangle(10, 10, 11, 11)])], 1);
    expect(result).toEqual({ geometry: drawn, clipped: false, droppedSlivers: 0, newVertices: [] });
    expect(result.geometry).toBe(drawn);
  });

  it('cuts where the outline crosses a neighbour, and says where the neighbour needs the new vertices', () => {
    const drawn = multi([rectangle(0, 0, 3, 2)]);
    const neighbour = multi([ring([2, -1], [5, -1], [5, 3], [2, 3])]);
    const result = clipToAvoidOverlap(drawn, [neighbour], 1);
    expect(result.geometry?.coordinates).toEqual([[[at(0, 0), at(2, 0), at(2, 2), at(0, 2), at(0, 0)]]]);
    expect(result.newVertices).toEqual([{ between: [at(2, 3), at(2, -1)], at: at(2, 2) }, { between: [at(2, 2), at(2, -1)], at: at(2, 0) }]);
    const [joined] = insertSharedVertices([{ id: 'neighbour', geometry: neighbour }], result.newVertices);
    expect(joined!.geometry.coordinates[0]![0]).toEqual([at(2, -1), at(5, -1), at(5, 3), at(2, 3), at(2, 2), at(2, 0), at(2, -1)]);
    expect(planarArea(joined!.geometry)).toBeCloseTo(planarArea(neighbour), 15);
  });

  it('keeps a neighbour\'s vertex lying straight on the edge it shares with the result', () => {
    // The neighbour has a vertex at (2, 1), straight between (2, 0) and (2, 2): polyclip-ts would drop it.
    const neighbour = multi([ring([2, 0], [4, 0], [4, 2], [2, 2], [2, 1])]);
    const result = clipToAvoidOverlap(multi([rectangle(0, 0, 3, 2)]), [neighbour], 1);
    expectNormalised(result.geometry);
    expect(result.geometry!.coordinates[0]![0]).toContainEqual(at(2, 1));
  });

  it('makes a hole around a neighbour lying inside the drawn shape', () => {
    const result = clipToAvoidOverlap(multi([rectangle(0, 0, 6, 6)]), [multi([rectangle(2, 2, 4, 4)])], 1);
    expectNormalised(result.geometry);
    expect(result.geometry!.coordinates[0]).toHaveLength(2);
  });

  it('drops the slivers under the tolerance, and returns null when nothing is left', () => {
    // A neighbour covering all but a strip 0.01 step wide (about 11 cm by 22 m, some 2.5 m²).
    const drawn = multi([rectangle(0, 0, 2, 2)]);
    const almostAll = multi([rectangle(-1, 0.01, 3, 3)]);
    expect(clipToAvoidOverlap(drawn, [almostAll], 5)).toMatchObject({ geometry: null, clipped: true, droppedSlivers: 1 });
    const kept = clipToAvoidOverlap(drawn, [almostAll], 1);
    expect(kept.droppedSlivers).toBe(0);
    expectNormalised(kept.geometry);
    expect(clipToAvoidOverlap(drawn, [multi([rectangle(-1, -1, 3, 3)])], 1)).toMatchObject({ geometry: null, clipped: true, droppedSlivers: 0 });
  });

  it('only tries the neighbours whose box meets the shape, and handles several at once', () => {
    const drawn = multi([rectangle(0, 0, 4, 2)]);
    const others = [multi([rectangle(-1, -1, 1, 3)]), multi([rectangle(3, -1, 5, 3)]), multi([rectangle(20, 20, 21, 21)])];
    const result = clipToAvoidOverlap(drawn, others, 1);
    expect(result.geometry?.coordinates).toEqual([[[at(1, 0), at(3, 0), at(3, 2), at(1, 2), at(1, 0)]]]);
  });

  it('leaves its inputs alone', () => {
    const drawn = deepFreeze(multi([rectangle(0, 0, 3, 2)]));
    const others = deepFreeze([multi([ring([2, -1], [5, -1], [5, 3], [2, 3])])]);
    const copy = structuredClone([drawn, others]);
    clipToAvoidOverlap(drawn, others, 1);
    expect([drawn, others]).toEqual(copy);
  });
});
