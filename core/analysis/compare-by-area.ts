/** Sorts features by area, largest first, then by id: the order of every list in a SiteAnalysis. @example overlaps.sort(compareByArea) */
export function compareByArea(
  first: { id?: string | number; properties: { area: number } },
  second: { id?: string | number; properties: { area: number } },
): number {
  const byArea = second.properties.area - first.properties.area;
  if (byArea !== 0) return byArea;
  return String(first.id) < String(second.id) ? -1 : String(first.id) > String(second.id) ? 1 : 0;
}
