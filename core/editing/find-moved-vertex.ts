import type { Position } from '../schemas/geojson.schema.js';
import { openRing } from './open-ring.js';
import { samePosition } from '../geometry/same-position.js';

/**
 * What one vertex gesture did to a polygon. Indexes count positions in the ring as GeoJSON holds it
 * (the closing position is never reported: moving the first vertex moves both).
 */
export type VertexEdit =
  /** A vertex was dragged from `from` to `to`. */
  | { kind: 'moved'; ringIndex: number; index: number; from: Position; to: Position }
  /** A vertex was added on the edge `between` (terra-draw's midpoint) and left at `at`, dragged or not. */
  | { kind: 'inserted'; ringIndex: number; index: number; at: Position; between: [Position, Position] }
  /** The vertex at `from` was deleted. */
  | { kind: 'removed'; ringIndex: number; index: number; from: Position };

/**
 * Compares a polygon's rings before and after one vertex gesture (terra-draw's onChange) and says
 * which vertex moved, was inserted or was removed. Null when nothing changed, or when the change is
 * not a single vertex edit (several vertices changed, a ring was added, the polygon was dragged).
 *
 * @example
 * const edit = findMovedVertex(parcelPart, drawnPolygon.coordinates);
 * if (edit?.kind === 'moved') neighbours = moveSharedVertex(parcels, edit.from, edit.to);
 */
export function findMovedVertex(before: readonly Position[][], after: readonly Position[][]): VertexEdit | null {
  if (before.length !== after.length) return null;
  let found: VertexEdit | null = null;
  for (let ringIndex = 0; ringIndex < before.length; ringIndex += 1) {
    const ringBefore = openRing(before[ringIndex] as Position[]);
    const ringAfter = openRing(after[ringIndex] as Position[]);
    if (sameRing(ringBefore, ringAfter)) continue;
    if (found !== null) return null;
    found = compareRing(ringIndex, ringBefore, ringAfter);
    if (found === null) return null;
  }
  return found;
}

function compareRing(ringIndex: number, before: Position[], after: Position[]): VertexEdit | null {
  const first = firstDifference(before, after);
  if (after.length === before.length) {
    if (!sameRing(before.slice(first + 1), after.slice(first + 1))) return null;
    return { kind: 'moved', ringIndex, index: first, from: copy(before[first] as Position), to: copy(after[first] as Position) };
  }
  if (after.length === before.length + 1) {
    if (!sameRing(before.slice(first), after.slice(first + 1))) return null;
    const previous = before[(first - 1 + before.length) % before.length] as Position;
    const next = before[first % before.length] as Position;
    return { kind: 'inserted', ringIndex, index: first, at: copy(after[first] as Position), between: [copy(previous), copy(next)] };
  }
  if (after.length === before.length - 1) {
    if (!sameRing(before.slice(first + 1), after.slice(first))) return null;
    return { kind: 'removed', ringIndex, index: first, from: copy(before[first] as Position) };
  }
  return null;
}

function firstDifference(before: Position[], after: Position[]): number {
  let index = 0;
  while (index < before.length && index < after.length && samePosition(before[index] as Position, after[index] as Position)) index += 1;
  return index;
}

function sameRing(first: Position[], second: Position[]): boolean {
  return first.length === second.length && first.every((position, index) => samePosition(position, second[index] as Position));
}

function copy(position: Position): Position {
  return [position[0], position[1]];
}
