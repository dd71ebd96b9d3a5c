/**
 * Whether two positions are exactly equal in longitude and latitude, with no tolerance (drawing rounds first).
 * Takes plain number arrays so that terra-draw's `number[]` positions compare with GeoJSON ones.
 */
export function samePosition(first: readonly number[], second: readonly number[]): boolean {
  return first[0] === second[0] && first[1] === second[1];
}
