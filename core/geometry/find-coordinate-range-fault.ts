import type { Position } from '../schemas/geojson.schema.js';
import { coordinatePath } from './fault-wording.js';
import { GEOMETRY_FAULTS, type GeometryFault } from './geometry-faults.js';
import type { ParsedAreaGeometry } from './read-area-geometry.js';

// Metropolitan France in Lambert-93, with a margin. Web Mercator metres of northern France fall in
// this box too; Lambert-93 is then the likelier mistake for French data.
const lambert93 = { minX: 100_000, maxX: 1_300_000, minY: 6_000_000, maxY: 7_200_000 };
const webMercatorLimit = 20_037_508.35;

/** Finds the first position outside longitude/latitude degrees, recognising metres sent by mistake. */
export function findCoordinateRangeFault(geometry: ParsedAreaGeometry): GeometryFault | null {
  for (const [polygonIndex, rings] of geometry.polygons.entries()) {
    for (const [ringIndex, ring] of rings.entries()) {
      for (const [positionIndex, position] of ring.entries()) {
        if (isDegrees(position)) continue;
        const path = coordinatePath(geometry.sourceType, polygonIndex, ringIndex, positionIndex);
        return describeOutOfRange(geometry, position, path);
      }
    }
  }
  return null;
}

function describeOutOfRange(geometry: ParsedAreaGeometry, position: Position, path: string): GeometryFault {
  const positions = geometry.polygons.flat(2);
  // A whole geometry in a projected range is a projection mistake; a single stray value is a typo.
  if (positions.every(isLambert93)) {
    return {
      valid: false,
      reason: GEOMETRY_FAULTS.projectedCoordinates,
      message: 'The geometry looks like Lambert-93 (EPSG:2154) metres, send WGS84 longitude/latitude.',
      path,
    };
  }
  if (positions.every(isWebMercator)) {
    return {
      valid: false,
      reason: GEOMETRY_FAULTS.projectedCoordinates,
      message: 'The geometry looks like Web Mercator (EPSG:3857) metres, send WGS84 longitude/latitude.',
      path,
    };
  }
  const [longitude, latitude] = position;
  const problem = Math.abs(longitude) > 180 ? `longitude ${longitude} is outside [-180, 180]` : `latitude ${latitude} is outside [-90, 90]`;
  return {
    valid: false,
    reason: GEOMETRY_FAULTS.coordinateOutOfRange,
    message: `At ${path} the ${problem}; positions are [longitude, latitude] in WGS84 degrees.`,
    path,
  };
}

function isDegrees([longitude, latitude]: Position): boolean {
  return Math.abs(longitude) <= 180 && Math.abs(latitude) <= 90;
}

function isLambert93([x, y]: Position): boolean {
  return x >= lambert93.minX && x <= lambert93.maxX && y >= lambert93.minY && y <= lambert93.maxY;
}

function isWebMercator([x, y]: Position): boolean {
  // Both values too large for degrees: a lone latitude of 148.9 is a typo, not a projection.
  return Math.abs(x) > 180 && Math.abs(y) > 90 && Math.abs(x) <= webMercatorLimit && Math.abs(y) <= webMercatorLimit;
}
