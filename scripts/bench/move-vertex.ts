import type { ParcelFeature } from '../../core/index.js';

/**
 * A copy of a parcel with one of its inner vertices moved by up to ~1 m, as a user dragging a
 * handle does: it opens a small gap or overlap with the neighbour that shares the vertex.
 */
export function moveVertex(parcel: ParcelFeature, random: () => number): ParcelFeature {
  const ring = parcel.geometry.coordinates[0]![0]!;
  const index = Math.floor(random() * (ring.length - 1));
  const moved = ring.map((position) => [...position] as [number, number]);
  moved[index] = [moved[index]![0] + (random() - 0.5) * 0.00002, moved[index]![1] + (random() - 0.5) * 0.00001];
  if (index === 0) moved[moved.length - 1] = moved[0]!;
  return { ...parcel, geometry: { type: 'MultiPolygon', coordinates: [[moved]] } };
}
