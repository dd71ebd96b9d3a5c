import { describe, expect, it } from 'vitest';
import { findMovedVertex } from '../../../../core/editing/find-moved-vertex.js';
import type { Position } from '../../../../core/schemas/geojson.schema.js';
import { deepFreeze } from '../../../support/deep-freeze.js';
import { at, rectangle } from './editing-fixtures.js';

describe('findMovedVertex', () => {
  const before = deepFreeze([rectangle(0, 0, 4, 4), rectangle(1, 1, 2, 2).reverse()]);
  const replaced = (ringIndex: number, edit: (ring: Position[]) => Position[]) =>
    before.map((ring, index) => (index === ringIndex ? edit(ring.map((position): Position => [position[0], position[1]])) : ring));

  it('finds a dragged vertex, with where it was and where it went', () => {
    const after = replaced(0, (ring) => ring.map((position, index) => (index === 2 ? at(5, 5) : position)));
    expect(findMovedVertex(before, after)).toEqual({ kind: 'moved', ringIndex: 0, index: 2, from: at(4, 4), to: at(5, 5) });
  });

  it('reports the first vertex once when it moves with the closing position', () => {
    const after = replaced(0, (ring) => ring.map((position, index) => (index === 0 || index === ring.length - 1 ? at(-1, -1) : position)));
    expect(findMovedVertex(before, after)).toEqual({ kind: 'moved', ringIndex: 0, index: 0, from: at(0, 0), to: at(-1, -1) });
  });

  it('finds a vertex moved on a hole', () => {
    const after = replaced(1, (ring) => ring.map((position, index) => (index === 1 ? at(1.5, 3) : position)));
    expect(findMovedVertex(before, after)).toMatchObject({ kind: 'moved', ringIndex: 1, index: 1, to: at(1.5, 3) });
  });

  it('finds a midpoint inserted then dragged, with the edge it came from', () => {
    const after = replaced(0, (ring) => [...ring.slice(0, 2), at(2, -1), ...ring.slice(2)]);
    expect(findMovedVertex(before, after)).toEqual({ kind: 'inserted', ringIndex: 0, index: 2, at: at(2, -1), between: [at(4, 0), at(4, 4)] });
  });

  it('names the closing edge when the midpoint comes from it', () => {
    const after = replaced(0, (ring) => [...ring.slice(0, -1), at(-1, 2), ring[0]!]);
    expect(findMovedVertex(before, after)).toEqual({ kind: 'inserted', ringIndex: 0, index: 4, at: at(-1, 2), between: [at(0, 4), at(0, 0)] });
  });

  it('finds a deleted vertex, the first one included', () => {
    expect(findMovedVertex(before, replaced(0, (ring) => [...ring.slice(0, 1), ...ring.slice(2)]))).toEqual({ kind: 'removed', ringIndex: 0, index: 1, from: at(4, 0) });
    const withoutFirst = replaced(0, (ring) => [...ring.slice(1, -1), ring[1]!]);
    expect(findMovedVertex(before, withoutFirst)).toEqual({ kind: 'removed', ringIndex: 0, index: 0, from: at(0, 0) });
  });

  it('returns null when nothing changed or the change is not one vertex', () => {
    expect(findMovedVertex(before, before)).toBeNull();
    const twoMoved = replaced(0, (ring) => ring.map((position, index) => (index === 1 || index === 2 ? at(9, index) : position)));
    expect(findMovedVertex(before, twoMoved)).toBeNull();
    const translated = before.map((ring) => ring.map(([longitude, latitude]): Position => [longitude + 0.0001, latitude]));
    expect(findMovedVertex(before, translated)).toBeNull();
    expect(findMovedVertex(before, [before[0]!])).toBeNull();
    const bothRings = replaced(0, (ring) => ring.map((position, index) => (index === 2 ? at(5, 5) : position)));
    bothRings[1] = bothRings[1]!.map((position, index) => (index === 1 ? at(1.5, 3) : position));
    expect(findMovedVertex(before, bothRings)).toBeNull();
  });
});
