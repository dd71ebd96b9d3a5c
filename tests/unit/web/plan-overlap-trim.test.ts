import { describe, expect, it } from 'vitest';
import type { MultiPolygon, Position } from '../../../core/index.js';
import { validateAreaGeometry } from '../../../core/index.js';
import { planOverlapTrim } from '../../../web/src/domain/plan-overlap-trim.js';
import { deepFreeze } from '../../support/deep-freeze.js';

/** A counter-clockwise rectangle from (2.48 + x0·d, 48.898 + y0·d) to (x1, y1), d = 0.0001°. */
function rectangle(x0: number, y0: number, x1: number, y1: number): Position[][] {
  const d = 0.0001;
  const [west, south, east, north] = [2.48 + x0 * d, 48.898 + y0 * d, 2.48 + x1 * d, 48.898 + y1 * d];
  return [[[west, south], [east, south], [east, north], [west, north], [west, south]]];
}
const multi = (...polygons: Position[][][]): MultiPolygon => deepFreeze({ type: 'MultiPolygon', coordinates: polygons });

describe('planOverlapTrim', () => {
  it('returns the parcel minus the overlap, valid for the API', () => {
    const trim = planOverlapTrim(multi(rectangle(0, 0, 4, 2)), multi(rectangle(3, 0, 4, 2)), 1);
    expect(trim).toMatchObject({ kind: 'update', droppedSlivers: 0 });
    if (trim.kind === 'update') expect(validateAreaGeometry(trim.geometry, { minArea: 1 })).toMatchObject({ valid: true, geometry: trim.geometry });
  });

  it('deletes the parcel when the overlap covers all of it', () => {
    expect(planOverlapTrim(multi(rectangle(1, 0, 2, 1)), multi(rectangle(0, 0, 4, 2)), 1)).toEqual({ kind: 'delete' });
  });

  it('drops a piece left under the tolerance rather than sending what the API refuses', () => {
    // The overlap leaves a strip 0.000001° (≈ 7 cm) wide and 0.0001° (≈ 11 m) long: about 0.8 m².
    const trim = planOverlapTrim(multi(rectangle(0, 0, 4, 1)), multi(rectangle(1, -1, 3.99, 3)), 1);
    expect(trim).toMatchObject({ kind: 'update', droppedSlivers: 1 });
    if (trim.kind === 'update') expect(trim.geometry.coordinates).toHaveLength(1);
    expect(planOverlapTrim(multi(rectangle(0, 0, 1, 1)), multi(rectangle(0.01, -1, 2, 3)), 1)).toEqual({ kind: 'delete' });
  });
});
