import type { Bounds } from '../geometry/for-each-overlapping-pair.js';
import type { PerimeterIndex } from './perimeter-index.js';
import { pointInArea } from './point-in-area.js';

/** Whether a box lies wholly inside the perimeter, wholly outside, or may cross its edge. @example placeBoxInPerimeter(index, geometryBounds(parcel.geometry.coordinates)) */
export function placeBoxInPerimeter(index: PerimeterIndex, box: Bounds): 'inside' | 'outside' | 'crossing' {
  if (index.edges === null) return 'outside';
  if (index.edges.search(box.minX, box.minY, box.maxX, box.maxY).length > 0) return 'crossing';
  // No edge meets the box, so the box's corner sits on the same side as the whole box.
  return pointInArea([box.minX, box.minY], index.perimeter.coordinates) ? 'inside' : 'outside';
}
