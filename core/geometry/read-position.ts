import type { Position } from '../schemas/geojson.schema.js';
import { GEOMETRY_FAULTS, type GeometryFault } from './geometry-faults.js';

/** One position reduced to [longitude, latitude], and whether a height or measure was dropped. */
export interface ReadPosition {
  position: Position;
  droppedDimensions: boolean;
}

/** Reads one GeoJSON position: 2 to 4 finite numbers, of which only the first two are kept. The path is built only for a fault. */
export function readPosition(input: unknown, pathOf: () => string): ReadPosition | GeometryFault {
  if (!Array.isArray(input)) {
    const path = pathOf();
    return { valid: false, reason: GEOMETRY_FAULTS.invalidCoordinates, message: `The position at ${path} must be an array [longitude, latitude], got ${describeValue(input)}.`, path };
  }
  if (input.length < 2 || input.length > 4) {
    const path = pathOf();
    return { valid: false, reason: GEOMETRY_FAULTS.coordinateDimension, message: `The position at ${path} has ${input.length} ${input.length === 1 ? 'value' : 'values'}; a position is [longitude, latitude], optionally with a height.`, path };
  }
  for (let index = 0; index < input.length; index += 1) {
    const value: unknown = input[index];
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      const valuePath = `${pathOf()}[${index}]`;
      return { valid: false, reason: GEOMETRY_FAULTS.coordinateNotANumber, message: `The value at ${valuePath} must be a finite number, got ${describeValue(value)}.`, path: valuePath };
    }
  }
  return { position: [input[0] as number, input[1] as number], droppedDimensions: input.length > 2 };
}

function describeValue(value: unknown): string {
  if (typeof value === 'number') return Number.isNaN(value) ? 'NaN' : String(value);
  if (typeof value === 'string') return `the string ${JSON.stringify(value)}`;
  if (value === null) return 'null';
  if (value === undefined) return 'nothing';
  return Array.isArray(value) ? 'an array' : typeof value;
}
