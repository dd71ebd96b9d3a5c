import { validateAreaGeometry, type AreaGeometryOptions } from '../geometry/validate-area-geometry.js';
import type { Position } from '../schemas/geojson.schema.js';
import type { GeometryEdit } from './edit-faults.js';

/** The edited coordinates as validateAreaGeometry accepts and normalises them, or its fault. */
export function checkedEdit(coordinates: Position[][][], options: AreaGeometryOptions = {}): GeometryEdit {
  const checked = validateAreaGeometry({ type: 'MultiPolygon', coordinates }, options);
  if (checked.valid) return { kind: 'edited', geometry: checked.geometry };
  return { kind: 'invalid', reason: checked.reason, message: checked.message, ...(checked.location ? { location: checked.location } : {}) };
}
