import { orient2d } from 'robust-predicates';
import type { Position } from '../schemas/geojson.schema.js';
import { areaEdges, type AreaEdges } from './area-edges.js';
import { convexHull } from './convex-hull.js';
import { placePoint } from './place-point.js';

const hulls = new WeakMap<readonly Position[], Position[]>();

/**
 * Whether two areas may share interior (or, with `complementOfSecond`, whether the first reaches outside the
 * second). False is exact: their convex hulls are separated, or their boundaries only touch — no edge crosses
 * the other area's interior and shared edges have the interiors on opposite sides. True when they meet or in doubt.
 * Lets neighbours that share edges skip the boolean clipping.
 * @example if (interiorsMayMeet(a.geometry.coordinates, b.geometry.coordinates)) intersection(…)
 */
export function interiorsMayMeet(first: Position[][][], second: Position[][][], complementOfSecond = false): boolean {
  if (!complementOfSecond && hullsSeparated(first, second)) return false;
  const firstEdges = areaEdges(first);
  const secondEdges = areaEdges(second);
  const sign = complementOfSecond ? -1 : 1;
  return edgesEnter(firstEdges, 1, secondEdges, sign) || edgesEnter(secondEdges, sign, firstEdges, 1);
}

function hullsSeparated(first: Position[][][], second: Position[][][]): boolean {
  for (const firstPart of first) {
    for (const secondPart of second) {
      const firstHull = hullOf(firstPart[0] ?? []);
      const secondHull = hullOf(secondPart[0] ?? []);
      if (!separatedByEdge(firstHull, secondHull) && !separatedByEdge(secondHull, firstHull)) return false;
    }
  }
  return true;
}

function hullOf(ring: readonly Position[]): Position[] {
  let hull = hulls.get(ring);
  if (hull === undefined) {
    hull = convexHull(ring);
    hulls.set(ring, hull);
  }
  return hull;
}

/** Whether some edge of `hull` (counter-clockwise) leaves every point of `other` on its right or on its line. */
function separatedByEdge(hull: readonly Position[], other: readonly Position[]): boolean {
  if (hull.length < 3) return true;
  for (let index = 0; index < hull.length; index += 1) {
    const [ax, ay] = hull[index] as Position;
    const [bx, by] = hull[(index + 1) % hull.length] as Position;
    // robust-predicates: a positive value means the point is right of a → b (y axis down convention).
    if (other.every(([x, y]) => orient2d(ax, ay, bx, by, x, y) >= 0)) return true;
  }
  return false;
}

/**
 * Whether an edge of `moving` passes through the interior of `fixed` (a sign of −1 stands for the complement of an
 * area): a proper crossing, a stretch of edge strictly inside, or a shared stretch with both interiors on one side.
 */
function edgesEnter(moving: AreaEdges, movingSign: 1 | -1, fixed: AreaEdges, fixedSign: 1 | -1): boolean {
  if (fixed.tree === null) return fixedSign === -1 && moving.count > 0;
  const c = moving.coordinates;
  const f = fixed.coordinates;
  for (let edge = 0; edge < moving.count; edge += 1) {
    const px = c[edge * 4] as number;
    const py = c[edge * 4 + 1] as number;
    const qx = c[edge * 4 + 2] as number;
    const qy = c[edge * 4 + 3] as number;
    if (px === qx && py === qy) continue;
    const alongX = Math.abs(qx - px) >= Math.abs(qy - py);
    const parameter = (x: number, y: number) => (alongX ? (x - px) / (qx - px) : (y - py) / (qy - py));
    const cuts = [0, 1];
    const shared: Array<[number, number]> = [];
    for (const other of fixed.tree.search(Math.min(px, qx), Math.min(py, qy), Math.max(px, qx), Math.max(py, qy))) {
      const rx = f[other * 4] as number;
      const ry = f[other * 4 + 1] as number;
      const sx = f[other * 4 + 2] as number;
      const sy = f[other * 4 + 3] as number;
      const sideR = orient2d(px, py, qx, qy, rx, ry);
      const sideS = orient2d(px, py, qx, qy, sx, sy);
      if (sideR === 0 && sideS === 0) {
        const start = Math.max(0, Math.min(parameter(rx, ry), parameter(sx, sy)));
        const end = Math.min(1, Math.max(parameter(rx, ry), parameter(sx, sy)));
        if (end <= start) continue;
        const sameDirection = (sx - rx) * (qx - px) + (sy - ry) * (qy - py) > 0;
        const fixedSide = (fixed.interiorSide[other] as number) * fixedSign * (sameDirection ? 1 : -1);
        if (fixedSide === (moving.interiorSide[edge] as number) * movingSign) return true;
        shared.push([start, end]);
        continue;
      }
      const sideP = orient2d(rx, ry, sx, sy, px, py);
      const sideQ = orient2d(rx, ry, sx, sy, qx, qy);
      if (sideR * sideS < 0 && sideP * sideQ < 0) return true;
      if (sideR === 0) cuts.push(parameter(rx, ry));
      if (sideS === 0) cuts.push(parameter(sx, sy));
    }
    cuts.sort((a, b) => a - b);
    for (let index = 0; index + 1 < cuts.length; index += 1) {
      const start = Math.max(0, cuts[index] as number);
      const end = Math.min(1, cuts[index + 1] as number);
      if (end <= start || shared.some(([from, to]) => from <= start && end <= to)) continue;
      const middle = (start + end) / 2;
      const place = placePoint(fixed, px + (qx - px) * middle, py + (qy - py) * middle);
      if (place === 'boundary' || (place === 'inside') === (fixedSign === 1)) return true;
    }
  }
  return false;
}
