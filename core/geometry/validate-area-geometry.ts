import type { MultiPolygon } from '../schemas/geojson.schema.js';
import { findAreaFault } from './find-area-fault.js';
import { findCoordinateRangeFault } from './find-coordinate-range-fault.js';
import { findRingShapeFault } from './find-ring-shape-fault.js';
import { findTopologyFault } from './find-topology-fault.js';
import { GEOMETRY_FAULTS, type GeometryFault } from './geometry-faults.js';
import { orientRings } from './orient-rings.js';
import { buildPlanarRings } from './planar-ring.js';
import { readAreaGeometry } from './read-area-geometry.js';

/** An accepted geometry, normalised, with what was changed on the way; or the first fault found. */
export type ValidationResult = { valid: true; geometry: MultiPolygon; warnings: string[] } | GeometryFault;

export interface AreaGeometryOptions {
  /** The site's tolerance in m²: each polygon must cover at least this much. Default 0 (any positive area). */
  minArea?: number;
  /** Default 10,000, counting every position including the closing ones. */
  maxVertices?: number;
}

const defaultMaxVertices = 10_000;

/**
 * Checks a parcel, building or operation geometry sent by a user and returns it as a MultiPolygon
 * with exterior rings counter-clockwise and holes clockwise (RFC 7946), or the first fault found
 * with a stable `reason` from GEOMETRY_FAULTS, the path of the faulty coordinates and, when the
 * fault has a place, its [longitude, latitude].
 *
 * Choices: 3D and 4D positions are accepted and their height/measure dropped, with a warning
 * (surveys and BD TOPO footprints carry heights we do not use). Repeated consecutive positions are
 * accepted and kept as they are. A `bbox` member is checked, then dropped with a warning. Parts of
 * a MultiPolygon may touch at points; parts sharing an edge are refused (`polygons_share_edge`), as
 * PostGIS `ST_IsValid` refuses them: the user merges them. Nothing
 * else is ever repaired: a clockwise ring is reversed, never reshaped. Topology follows the OGC
 * simple-features rules PostGIS `ST_IsValid` applies, computed on longitude/latitude as a plane
 * (the antimeridian is not handled: Tessera's sites are in France).
 *
 * @example
 * const result = validateAreaGeometry(request.body.geometry, { minArea: site.tolerance });
 * if (!result.valid) return reply(400, { code: result.reason, message: result.message, field: `geometry.${result.path}` });
 */
export function validateAreaGeometry(input: unknown, options: AreaGeometryOptions = {}): ValidationResult {
  const parsed = readAreaGeometry(input);
  if ('valid' in parsed) return parsed;
  const maxVertices = options.maxVertices ?? defaultMaxVertices;
  if (parsed.vertexCount > maxVertices) {
    return {
      valid: false,
      reason: GEOMETRY_FAULTS.tooManyVertices,
      message: `The geometry has ${parsed.vertexCount} positions; at most ${maxVertices} are accepted. Simplify it first.`,
      path: 'coordinates',
    };
  }
  const shapeFault = findCoordinateRangeFault(parsed) ?? findRingShapeFault(parsed);
  if (shapeFault !== null) return shapeFault;
  const planarRings = buildPlanarRings(parsed.polygons);
  const topology = findTopologyFault(planarRings, parsed.sourceType);
  if (topology.fault !== null) return topology.fault;
  const coordinates = orientRings(parsed.polygons, planarRings);
  const areaFault = findAreaFault(coordinates, parsed.sourceType, options.minArea ?? 0);
  if (areaFault !== null) return areaFault;
  return { valid: true, geometry: { type: 'MultiPolygon', coordinates }, warnings: [...parsed.warnings, ...topology.warnings] };
}
