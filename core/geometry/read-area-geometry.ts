import type { Position } from '../schemas/geojson.schema.js';
import { capitalise, coordinatePath, polygonLabel, type SourceType } from './fault-wording.js';
import { GEOMETRY_FAULTS, type GeometryFault } from './geometry-faults.js';
import { readPosition } from './read-position.js';

/** A Polygon or MultiPolygon whose structure and numbers were checked, positions reduced to 2D. */
export interface ParsedAreaGeometry {
  sourceType: SourceType;
  /** [polygon][ring][position]; a Polygon becomes a single polygon. */
  polygons: Position[][][];
  vertexCount: number;
  warnings: string[];
}

const allowedMembers = new Set(['type', 'coordinates', 'bbox']);

/** Checks the GeoJSON structure of an area geometry and reads its positions, or says what is wrong. */
export function readAreaGeometry(input: unknown): ParsedAreaGeometry | GeometryFault {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return fault(GEOMETRY_FAULTS.unsupportedGeometryType, 'The geometry must be a GeoJSON Polygon or MultiPolygon object.', '');
  }
  const members = input as Record<string, unknown>;
  const type = members.type;
  if (type !== 'Polygon' && type !== 'MultiPolygon') {
    const got = type === undefined ? 'no type' : `type ${JSON.stringify(type)}`;
    const hint = type === 'Feature' ? ' Send the feature\'s geometry, not the feature.' : '';
    return fault(GEOMETRY_FAULTS.unsupportedGeometryType, `Only Polygon and MultiPolygon geometries are accepted, got ${got}.${hint}`, 'type');
  }
  if ('crs' in members) {
    return fault(GEOMETRY_FAULTS.crsNotAllowed, 'GeoJSON (RFC 7946) is always WGS84 longitude/latitude: remove the crs member and send WGS84 coordinates.', 'crs');
  }
  const unknownMember = Object.keys(members).find((member) => !allowedMembers.has(member));
  if (unknownMember !== undefined) {
    return fault(GEOMETRY_FAULTS.unknownMember, `A geometry has only type, coordinates and bbox; remove "${unknownMember}".`, unknownMember);
  }
  const warnings: string[] = [];
  if ('bbox' in members) {
    if (!isValidBbox(members.bbox)) {
      return fault(GEOMETRY_FAULTS.invalidBbox, 'The bbox must be an array of 4 finite numbers [west, south, east, north].', 'bbox');
    }
    warnings.push('The bbox member was dropped: the geometry is stored without one.');
  }
  const polygonsInput = type === 'Polygon' ? [members.coordinates] : members.coordinates;
  if (!Array.isArray(polygonsInput) || !Array.isArray(members.coordinates)) {
    return fault(GEOMETRY_FAULTS.invalidCoordinates, `A ${type} needs a coordinates array.`, 'coordinates');
  }
  if (polygonsInput.length === 0) {
    return fault(GEOMETRY_FAULTS.emptyGeometry, 'The geometry has no polygon.', 'coordinates');
  }
  return readPolygons(type, polygonsInput, warnings);
}

function readPolygons(sourceType: SourceType, polygonsInput: unknown[], warnings: string[]): ParsedAreaGeometry | GeometryFault {
  const polygons: Position[][][] = [];
  let vertexCount = 0;
  let droppedDimensions = 0;
  for (const [polygonIndex, ringsInput] of polygonsInput.entries()) {
    const polygonPath = sourceType === 'Polygon' ? 'coordinates' : coordinatePath(sourceType, polygonIndex);
    if (!Array.isArray(ringsInput)) {
      return fault(GEOMETRY_FAULTS.invalidCoordinates, `The polygon at ${polygonPath} must be an array of rings.`, polygonPath);
    }
    if (ringsInput.length === 0) {
      return fault(GEOMETRY_FAULTS.emptyGeometry, `${capitalise(polygonLabel(sourceType, polygonIndex))} has no ring.`, polygonPath);
    }
    const rings: Position[][] = [];
    for (const [ringIndex, ringInput] of ringsInput.entries()) {
      const ringPath = coordinatePath(sourceType, polygonIndex, ringIndex);
      if (!Array.isArray(ringInput)) {
        return fault(GEOMETRY_FAULTS.invalidCoordinates, `The ring at ${ringPath} must be an array of positions.`, ringPath);
      }
      const ring: Position[] = [];
      for (let positionIndex = 0; positionIndex < ringInput.length; positionIndex += 1) {
        const position = readPosition(ringInput[positionIndex], () => coordinatePath(sourceType, polygonIndex, ringIndex, positionIndex));
        if ('valid' in position) return position;
        if (position.droppedDimensions) droppedDimensions += 1;
        ring.push(position.position);
      }
      vertexCount += ring.length;
      rings.push(ring);
    }
    polygons.push(rings);
  }
  if (droppedDimensions > 0) {
    warnings.push(`Dropped the third and fourth values (height, measure) of ${droppedDimensions} positions: Tessera stores 2D geometry.`);
  }
  return { sourceType, polygons, vertexCount, warnings };
}

function isValidBbox(bbox: unknown): boolean {
  return Array.isArray(bbox) && (bbox.length === 4 || bbox.length === 6) && bbox.every((value) => typeof value === 'number' && Number.isFinite(value));
}

function fault(reason: GeometryFault['reason'], message: string, path: string): GeometryFault {
  return { valid: false, reason, message, path };
}
