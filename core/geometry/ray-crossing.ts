import { orient2d } from 'robust-predicates';

/**
 * How the edge (x1, y1)→(x2, y2) meets the ray from (x, y) eastwards, with an exact side test: 'boundary' when
 * the point lies on the edge, 1 when the edge crosses the ray going up, -1 going down, 0 when it does not cross.
 * The one step of every point-in-polygon test of core: summed, a winding number; counted, the even-odd rule.
 *
 * @example
 * // The unit square's right edge, seen from its centre: crossed going up.
 * rayCrossing(1, 0, 1, 1, 0.5, 0.5); // 1
 */
export function rayCrossing(x1: number, y1: number, x2: number, y2: number, x: number, y: number): 1 | -1 | 0 | 'boundary' {
  const side = orient2d(x1, y1, x2, y2, x, y);
  if (side === 0 && Math.min(x1, x2) <= x && x <= Math.max(x1, x2) && Math.min(y1, y2) <= y && y <= Math.max(y1, y2)) return 'boundary';
  // robust-predicates counts clockwise as positive: side < 0 means the point is left of the edge.
  if (y1 <= y && y2 > y && side < 0) return 1;
  if (y2 <= y && y1 > y && side > 0) return -1;
  return 0;
}
