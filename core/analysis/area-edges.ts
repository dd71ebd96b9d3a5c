import Flatbush from 'flatbush';
import type { Position } from '../schemas/geojson.schema.js';
import { signedPlanarArea } from '../geometry/signed-planar-area.js';

/** The edges of polygons with the side their interior lies on, and an R-tree over them; cached per coordinates array. */
export interface AreaEdges {
  /** x1, y1, x2, y2 of edge i at 4i … 4i + 3. */
  coordinates: Float64Array;
  /** +1 when the interior lies left of edge i (travelled from its first to its second point), −1 when right. */
  interiorSide: Int8Array;
  count: number;
  tree: Flatbush | null;
}

const cache = new WeakMap<object, AreaEdges>();

/** Lists and indexes the edges of polygons' coordinates. @example areaEdges(parcel.geometry.coordinates).count */
export function areaEdges(polygons: readonly (readonly (readonly Position[])[])[]): AreaEdges {
  const cached = cache.get(polygons);
  if (cached !== undefined) return cached;
  const rings = polygons.flatMap((rings) => rings.map((ring, index) => ({ ring, isShell: index === 0 })));
  const count = rings.reduce((total, { ring }) => total + Math.max(0, ring.length - 1), 0);
  const coordinates = new Float64Array(count * 4);
  const interiorSide = new Int8Array(count);
  let edge = 0;
  for (const { ring, isShell } of rings) {
    const side = (signedPlanarArea(ring) > 0) === isShell ? 1 : -1;
    for (let index = 0; index + 1 < ring.length; index += 1) {
      const [x1, y1] = ring[index] as Position;
      const [x2, y2] = ring[index + 1] as Position;
      coordinates.set([x1, y1, x2, y2], edge * 4);
      interiorSide[edge] = side;
      edge += 1;
    }
  }
  let tree: Flatbush | null = null;
  if (count > 0) {
    tree = new Flatbush(count);
    for (let index = 0; index < count; index += 1) {
      const [x1, y1, x2, y2] = coordinates.subarray(index * 4, index * 4 + 4) as unknown as [number, number, number, number];
      tree.add(Math.min(x1, x2), Math.min(y1, y2), Math.max(x1, x2), Math.max(y1, y2));
    }
    tree.finish();
  }
  const edges = { coordinates, interiorSide, count, tree };
  cache.set(polygons, edges);
  return edges;
}
