import { describe, expect, it } from 'vitest';
import { createSnapIndex, type SnapGeometry } from '../../../web/src/draw/snap-index.js';

// A fake projection: 1 pixel per 1e-6 degree, y growing southwards like the screen's.
const SCALE = 1e6;
const project = (lng: number, lat: number) => ({ x: lng * SCALE, y: -lat * SCALE });
const unproject = (x: number, y: number) => ({ lng: x / SCALE, lat: -y / SCALE });

const square: SnapGeometry = Object.freeze({
  type: 'Polygon',
  coordinates: [[[2.4805819, 48.8985192], [2.4806819, 48.8985192], [2.4806819, 48.8986192], [2.4805819, 48.8986192], [2.4805819, 48.8985192]]],
}) as SnapGeometry;
const building: SnapGeometry = {
  type: 'MultiPolygon',
  coordinates: [[[[2.4808, 48.8985], [2.4809, 48.8985], [2.4809, 48.8986], [2.4808, 48.8985]]]],
};

describe('createSnapIndex', () => {
  const index = createSnapIndex([square, building]);

  it('snaps to the exact coordinates of the nearest vertex within the tolerance', () => {
    const snapped = index.snap({ lng: 2.4805822, lat: 48.8985189 }, 10, project, unproject);
    expect(snapped).toEqual({ kind: 'vertex', position: [2.4805819, 48.8985192], distance: expect.closeTo(Math.hypot(0.3, 0.3), 6) });
  });

  it('prefers a vertex to a nearer edge when both are within the tolerance', () => {
    const snapped = index.snap({ lng: 2.4805828, lat: 48.8985194 }, 10, project, unproject);
    expect(snapped?.kind).toBe('vertex');
    expect(snapped?.position).toEqual([2.4805819, 48.8985192]);
  });

  it('snaps onto an edge, on the stored segment, when no vertex is near', () => {
    const snapped = index.snap({ lng: 2.4806319, lat: 48.8985195 }, 10, project, unproject);
    expect(snapped?.kind).toBe('edge');
    expect(snapped!.position[0]).toBeCloseTo(2.4806319, 9);
    expect(snapped!.position[1]).toBe(48.8985192);
  });

  it('reads vertices of multipolygons too', () => {
    expect(index.snap({ lng: 2.4809004, lat: 48.8986003 }, 10, project, unproject)?.position).toEqual([2.4809, 48.8986]);
  });

  it('finds nothing beyond the tolerance, or in an empty index', () => {
    expect(index.snap({ lng: 2.4807319, lat: 48.8985692 }, 10, project, unproject)).toBeNull();
    expect(createSnapIndex([]).snap({ lng: 2.48, lat: 48.89 }, 10, project, unproject)).toBeNull();
  });

  it('converts the tolerance with the projection: the same pointer snaps when zoomed in, not out', () => {
    const zoomedOut = (lng: number, lat: number) => ({ x: lng * SCALE / 10, y: -lat * SCALE / 10 });
    const unprojectOut = (x: number, y: number) => ({ lng: x * 10 / SCALE, lat: -y * 10 / SCALE });
    const pointer = { lng: 2.4806319, lat: 48.8985242 }; // 5 px from the south edge at the base scale
    expect(index.snap(pointer, 4, project, unproject)).toBeNull();
    expect(index.snap(pointer, 4, zoomedOut, unprojectOut)?.kind).toBe('edge');
  });
});
