import { dropSmallPolygons, subtractArea, validateAreaGeometry, type MultiPolygon } from '../../../core/index.js';

/** What resolving an overlap does to the parcel that gives the area up. */
export type OverlapTrim =
  | { kind: 'update'; geometry: MultiPolygon; droppedSlivers: number }
  /** Nothing of the parcel is left outside the overlap (or only slivers): it is deleted. */
  | { kind: 'delete' }
  /** The trimmed shape would be refused (reason from GEOMETRY_FAULTS). */
  | { kind: 'invalid'; reason: string; message: string };

/**
 * The parcel `geometry` minus the `overlap` it gives up, ready to send: pieces under the site's
 * tolerance are dropped (the API would refuse them and the analysis ignores them), then the shape
 * is checked with the server's own rules.
 */
export function planOverlapTrim(geometry: MultiPolygon, overlap: MultiPolygon, minArea: number): OverlapTrim {
  const trimmed = subtractArea(geometry, overlap);
  if (trimmed === null) return { kind: 'delete' };
  const { geometry: kept, dropped } = dropSmallPolygons(trimmed, minArea);
  if (kept === null) return { kind: 'delete' };
  const checked = validateAreaGeometry(kept, { minArea });
  if (!checked.valid) return { kind: 'invalid', reason: checked.reason, message: checked.message };
  return { kind: 'update', geometry: checked.geometry, droppedSlivers: dropped };
}
