import { describe, expect, it } from 'vitest';
import { dropSmallPolygons } from '../../../../core/geometry/drop-small-polygons.js';
import { geodesicArea } from '../../../../core/geometry/geodesic-area.js';
import type { MultiPolygon, Position } from '../../../../core/schemas/geojson.schema.js';
import { deepFreeze } from '../../../support/deep-freeze.js';

/** A counter-clockwise square of `size` degrees at (2.48 + x, 48.9). */
const square = (x: number, size: number): Position[][] => [[
  [2.48 + x, 48.9], [2.48 + x + size, 48.9], [2.48 + x + size, 48.9 + size], [2.48 + x, 48.9 + size], [2.48 + x, 48.9],
]];

describe('dropSmallPolygons', () => {
  const large = square(0, 0.0002); // about 330 m²
  const sliver = square(0.001, 0.000005); // about 0.2 m²

  it('drops the polygons under the tolerance and keeps the others as they are', () => {
    const geometry: MultiPolygon = deepFreeze({ type: 'MultiPolygon', coordinates: [sliver, large] });
    expect(geodesicArea({ type: 'Polygon', coordinates: sliver })).toBeLessThan(1);
    expect(dropSmallPolygons(geometry, 1)).toEqual({ geometry: { type: 'MultiPolygon', coordinates: [large] }, dropped: 1 });
  });

  it('returns null when every polygon is a sliver, and keeps everything at tolerance 0', () => {
    const geometry: MultiPolygon = deepFreeze({ type: 'MultiPolygon', coordinates: [sliver] });
    expect(dropSmallPolygons(geometry, 1)).toEqual({ geometry: null, dropped: 1 });
    expect(dropSmallPolygons(geometry, 0)).toEqual({ geometry, dropped: 0 });
  });
});
