import type { Position } from '../schemas/geojson.schema.js';
import { capitalise, coordinatePath, polygonLabel, type SourceType } from './fault-wording.js';
import { geodesicArea } from './geodesic-area.js';
import { GEOMETRY_FAULTS, type GeometryFault } from './geometry-faults.js';
import { formatFaultArea } from './format-fault-area.js';

/** Finds a polygon whose area on the ellipsoid is zero or under the site's minimum, in m². */
export function findAreaFault(polygons: Position[][][], sourceType: SourceType, minArea: number): GeometryFault | null {
  for (const [polygonIndex, rings] of polygons.entries()) {
    const area = geodesicArea({ type: 'Polygon', coordinates: rings });
    const path = coordinatePath(sourceType, polygonIndex);
    const label = capitalise(polygonLabel(sourceType, polygonIndex));
    const location = rings[0]?.[0];
    const where = location === undefined ? {} : { location };
    if (!(area > 0)) {
      return { valid: false, reason: GEOMETRY_FAULTS.zeroArea, message: `${label} has no area.`, path, ...where };
    }
    if (area < minArea) {
      const message = `${label} covers ${formatFaultArea(area)} m², under this site's minimum of ${formatFaultArea(minArea)} m².`;
      return { valid: false, reason: GEOMETRY_FAULTS.areaTooSmall, message, path, ...where };
    }
  }
  return null;
}
