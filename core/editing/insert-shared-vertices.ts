import type { Position } from '../schemas/geojson.schema.js';
import type { EditableParcel, VertexInsertion } from './editable-parcel.js';
import { samePosition } from '../geometry/same-position.js';

/**
 * Applies vertex insertions, in order, to every parcel having their edge (the two ends consecutive in
 * a ring, either way round), so that parcels stay noded with a neighbour that gained vertices: a
 * midpoint dragged out of a shared edge (findMovedVertex's 'inserted' edit is an insertion), or the
 * crossings a split or a clip put on a neighbour's edge (their `newVertices`). Returns only the
 * parcels that changed. A parcel whose side of an edge carries other vertices (a T-junction) does not
 * have that edge and is left alone.
 *
 * @example
 * if (edit?.kind === 'inserted') save(insertSharedVertices(neighbours, [edit]));
 * if (split.kind === 'split') save(insertSharedVertices(neighbours, split.newVertices));
 */
export function insertSharedVertices(parcels: ReadonlyArray<EditableParcel>, insertions: readonly VertexInsertion[]): EditableParcel[] {
  const changed: EditableParcel[] = [];
  for (const parcel of parcels) {
    let coordinates = parcel.geometry.coordinates;
    for (const insertion of insertions) coordinates = insertInPolygons(coordinates, insertion) ?? coordinates;
    if (coordinates !== parcel.geometry.coordinates) changed.push({ id: parcel.id, geometry: { type: 'MultiPolygon', coordinates } });
  }
  return changed;
}

/** The polygons with the insertion made, as new arrays; null when none of their rings has the edge. */
function insertInPolygons(polygons: Position[][][], { between: [start, end], at }: VertexInsertion): Position[][][] | null {
  let found = false;
  const inserted = polygons.map((rings) =>
    rings.map((ring) => {
      const copy: Position[] = [];
      for (const [index, position] of ring.entries()) {
        copy.push([position[0], position[1]]);
        const next = ring[index + 1];
        if (next === undefined) continue;
        if ((samePosition(position, start) && samePosition(next, end)) || (samePosition(position, end) && samePosition(next, start))) {
          copy.push([at[0], at[1]]);
          found = true;
        }
      }
      return copy;
    }),
  );
  return found ? inserted : null;
}
