import type { Position } from '../schemas/geojson.schema.js';
import { signedPlanarArea } from '../geometry/signed-planar-area.js';
import { placeInPolygon } from '../geometry/place-in-polygon.js';
import { positionKey } from './position-key.js';

/**
 * Turns face walks into polygons: each walk is cut into simple loops where it touches itself;
 * counter-clockwise loops are exteriors, clockwise ones holes, each given to the exterior around it.
 * Rings come out closed, exteriors counter-clockwise and holes clockwise.
 */
export function assembleFaces(walks: readonly Position[][]): Position[][][] {
  const loops = walks.flatMap(simpleLoops);
  const exteriors: Position[][][] = [];
  const holes: Position[][] = [];
  for (const loop of loops) {
    const area = signedPlanarArea(loop);
    if (area > 0) exteriors.push([close(loop)]);
    else if (area < 0) holes.push(close(loop));
  }
  for (const hole of holes) {
    const owner = exteriors.find(([exterior]) => {
      const probe = hole.find((position) => placeInPolygon(position, [exterior as Position[]]) !== 'boundary');
      return probe !== undefined && placeInPolygon(probe, [exterior as Position[]]) === 'inside';
    });
    if (owner === undefined) throw new Error('splitParcel: a hole lies in no piece.');
    owner.push(hole);
  }
  return exteriors;
}

/** Cuts a closed walk (first position not repeated) into loops that visit each position once. */
function simpleLoops(walk: readonly Position[]): Position[][] {
  const loops: Position[][] = [];
  const path: Position[] = [];
  const indexByKey = new Map<string, number>();
  for (const position of [...walk, walk[0] as Position]) {
    const key = positionKey(position);
    const seen = indexByKey.get(key);
    if (seen === undefined) {
      indexByKey.set(key, path.length);
      path.push(position);
      continue;
    }
    const loop = path.splice(seen + 1);
    for (const removed of loop) indexByKey.delete(positionKey(removed));
    loops.push([path[seen] as Position, ...loop]);
  }
  return loops.filter((loop) => loop.length >= 3);
}

function close(loop: readonly Position[]): Position[] {
  const ring = loop.map(([longitude, latitude]): Position => [longitude, latitude]);
  ring.push([ring[0]![0], ring[0]![1]]);
  return ring;
}
