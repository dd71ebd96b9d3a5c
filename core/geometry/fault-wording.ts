import type { Position } from '../schemas/geojson.schema.js';

/** Whether the caller sent a Polygon or a MultiPolygon: paths must point into what they sent. */
export type SourceType = 'Polygon' | 'MultiPolygon';

/** The path of a polygon, ring or position in the caller's own coordinates, e.g. `coordinates[0][1][3]`. */
export function coordinatePath(sourceType: SourceType, polygonIndex: number, ...inner: number[]): string {
  const indexes = sourceType === 'Polygon' ? inner : [polygonIndex, ...inner];
  return `coordinates${indexes.map((index) => `[${index}]`).join('')}`;
}

/** A ring named for a sentence: "the exterior ring coordinates[0]" or "the hole coordinates[0][2]". */
export function ringLabel(sourceType: SourceType, polygonIndex: number, ringIndex: number): string {
  const kind = ringIndex === 0 ? 'the exterior ring' : 'the hole';
  return `${kind} ${coordinatePath(sourceType, polygonIndex, ringIndex)}`;
}

/** A position for a sentence, to about 10 cm. */
export function formatPosition([longitude, latitude]: Position): string {
  return `(${longitude.toFixed(6)}, ${latitude.toFixed(6)})`;
}

/** A polygon named for a sentence: "the polygon" for a Polygon, "the polygon coordinates[2]" in a MultiPolygon. */
export function polygonLabel(sourceType: SourceType, polygonIndex: number): string {
  return sourceType === 'Polygon' ? 'the polygon' : `the polygon ${coordinatePath(sourceType, polygonIndex)}`;
}

/** The sentence-initial form of a label. */
export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
