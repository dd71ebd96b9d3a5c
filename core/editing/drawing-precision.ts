import type { MultiPolygon, Position } from '../schemas/geojson.schema.js';
import type { VertexInsertion } from './editable-parcel.js';

/** Decimals of the drawing module (terra-draw refuses more): about 0.1 mm; the demo data has 7. */
export const DRAWING_DECIMALS = 9;
const SCALE = 10 ** DRAWING_DECIMALS;

/** A coordinate rounded to the drawing precision. */
export const roundCoordinate = (value: number): number => Math.round(value * SCALE) / SCALE;

/** A position rounded to the drawing precision. */
export const roundPosition = ([longitude, latitude]: Position): Position => [roundCoordinate(longitude), roundCoordinate(latitude)];

/**
 * A computed geometry (a clip's or a split's crossings are full doubles) rounded to the drawing
 * precision, so that the map can show it for editing; a vertex that rounds onto the one before it is
 * dropped. Not validated: the caller checks the result (validateAreaGeometry).
 *
 * @example
 * const shown = roundToDrawingPrecision(clipToAvoidOverlap(drawn, neighbours, tolerance).geometry);
 */
export function roundToDrawingPrecision(geometry: MultiPolygon): MultiPolygon {
  return {
    type: 'MultiPolygon',
    coordinates: geometry.coordinates.map((rings) => rings.map((ring) =>
      ring.map(roundPosition).filter((position, index, rounded) => index === 0 || position[0] !== rounded[index - 1]![0] || position[1] !== rounded[index - 1]![1]))),
  };
}

/** Insertions whose new vertex is rounded the same way as the geometry that carries it, so that both stay equal. */
export function roundInsertions(insertions: readonly VertexInsertion[]): VertexInsertion[] {
  return insertions.map((insertion) => ({ between: insertion.between, at: roundPosition(insertion.at) }));
}
