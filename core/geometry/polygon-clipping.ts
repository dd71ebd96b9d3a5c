import { difference as turfDifference } from '@turf/difference';
import { featureCollection, multiPolygon } from '@turf/helpers';
import { intersect } from '@turf/intersect';
import { union as turfUnion } from '@turf/union';
import type { Position } from '../schemas/geojson.schema.js';

// The boolean operations on areas, through Turf 7's intersect, difference and union (polyclip-ts
// underneath). They take and give MultiPolygon coordinates, so that callers chain them without
// wrapping features; results are polyclip-ts's: closed rings, none degenerate, [] when empty.

/** MultiPolygon coordinates. */
type Polygons = Position[][][];

/** Turf wants at least two geometries; an empty MultiPolygon second leaves the result unchanged. */
const NOTHING: Polygons = [];

/** The area all of the given geometries share. @example intersection(parcelA.geometry.coordinates, parcelB.geometry.coordinates) */
export function intersection(first: Polygons, second: Polygons, ...others: Polygons[]): Polygons {
  return coordinatesOf(intersect(collect([first, second, ...others])));
}

/**
 * The part of `geometry` that none of `removed` covers; with nothing removed, `geometry` itself
 * re-noded (a self-crossing outline becomes simple polygons, non-zero rule).
 * @example difference(perimeter.coordinates, ...buildings.map((building) => building.geometry.coordinates))
 */
export function difference(geometry: Polygons, ...removed: Polygons[]): Polygons {
  return coordinatesOf(turfDifference(collect([geometry, ...(removed.length === 0 ? [NOTHING] : removed)])));
}

/** The area any of the given geometries covers, re-noded. @example union(...parcels.map((parcel) => parcel.geometry.coordinates)) */
export function union(first: Polygons, ...others: Polygons[]): Polygons {
  return coordinatesOf(turfUnion(collect([first, ...(others.length === 0 ? [NOTHING] : others)])));
}

function collect(geometries: Polygons[]) {
  return featureCollection(geometries.map((coordinates) => multiPolygon(coordinates)));
}

function coordinatesOf(result: ReturnType<typeof intersect>): Polygons {
  if (result === null) return [];
  // Turf's positions are number[]; polyclip-ts builds them as [x, y] pairs.
  const { geometry } = result;
  return (geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates) as Polygons;
}
