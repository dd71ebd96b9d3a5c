import type { MultiPolygon } from '../../../core/index.js';
import { seededRandom } from '../../support/seeded-random.js';

const METRES_PER_DEGREE_LAT = 110_574;

/** A grid of cells whose corners are jittered once and shared by the neighbouring cells. */
export class JitteredGrid {
  private readonly corners: Array<[number, number]>;

  constructor(
    readonly origin: [number, number],
    readonly columns: number,
    readonly rows: number,
    readonly cellMetres: number,
    seed: number,
    /** Largest corner shift as a share of a cell. */
    jitter = 0.25,
  ) {
    const random = seededRandom(seed);
    const metresPerDegreeLon = METRES_PER_DEGREE_LAT * Math.cos((origin[1] * Math.PI) / 180);
    this.corners = [];
    for (let row = 0; row <= rows; row += 1) {
      for (let column = 0; column <= columns; column += 1) {
        const shift = () => (random() * 2 - 1) * jitter * cellMetres;
        const east = column * cellMetres + (column === 0 || column === columns ? 0 : shift());
        const north = row * cellMetres + (row === 0 || row === rows ? 0 : shift());
        this.corners.push([round(origin[0] + east / metresPerDegreeLon), round(origin[1] + north / METRES_PER_DEGREE_LAT)]);
      }
    }
  }

  /** The shared corner at (column, row). */
  corner(column: number, row: number): [number, number] {
    return this.corners[row * (this.columns + 1) + column]!;
  }

  /** The block of cells from (column, row), `width` × `height` cells, counter-clockwise through every shared corner. */
  block(column: number, row: number, width = 1, height = 1): MultiPolygon {
    const ring: Array<[number, number]> = [];
    for (let step = 0; step < width; step += 1) ring.push(this.corner(column + step, row));
    for (let step = 0; step < height; step += 1) ring.push(this.corner(column + width, row + step));
    for (let step = width; step > 0; step -= 1) ring.push(this.corner(column + step, row + height));
    for (let step = height; step > 0; step -= 1) ring.push(this.corner(column, row + step));
    ring.push(ring[0]!);
    return { type: 'MultiPolygon', coordinates: [[ring]] };
  }

  /** A rectangle in grid units (fractions allowed), for perimeters. */
  rectangle(west: number, south: number, east: number, north: number): MultiPolygon {
    const [lon, lat] = this.origin;
    const metresPerDegreeLon = METRES_PER_DEGREE_LAT * Math.cos((lat * Math.PI) / 180);
    const x = (units: number) => round(lon + (units * this.cellMetres) / metresPerDegreeLon);
    const y = (units: number) => round(lat + (units * this.cellMetres) / METRES_PER_DEGREE_LAT);
    return { type: 'MultiPolygon', coordinates: [[[[x(west), y(south)], [x(east), y(south)], [x(east), y(north)], [x(west), y(north)], [x(west), y(south)]]]] };
  }
}

function round(value: number): number {
  return Math.round(value * 1e7) / 1e7;
}

/** A parcel of a generated site, as the API takes it. */
export interface GridParcel {
  type: 'Feature';
  geometry: MultiPolygon;
  properties: { organisationId: string; services: string[]; label: string; fromPhase: number; toPhase: number | null };
}

/**
 * One parcel per cell (services drawn among `services`), a hole every ~`holeEvery` cells and a
 * two-cell parcel overlapping its neighbours every ~`overlapEvery` cells.
 */
export function gridParcels(grid: JitteredGrid, organisationIds: string[], services: string[], seed: number, holeEvery = 40, overlapEvery = 60): GridParcel[] {
  const random = seededRandom(seed);
  const pick = <T>(items: T[]) => items[Math.floor(random() * items.length)]!;
  const parcels: GridParcel[] = [];
  for (let row = 0; row < grid.rows; row += 1) {
    for (let column = 0; column < grid.columns; column += 1) {
      if (random() < 1 / holeEvery) continue;
      const chosen = services.filter((_, index) => index === 0 || random() < 0.5);
      parcels.push({
        type: 'Feature',
        geometry: grid.block(column, row),
        properties: { organisationId: pick(organisationIds), services: chosen, label: `Cellule ${column}-${row}`, fromPhase: 0, toPhase: null },
      });
      if (column + 1 < grid.columns && random() < 1 / overlapEvery) {
        parcels.push({
          type: 'Feature',
          geometry: grid.block(column, row, 2, 1),
          properties: { organisationId: pick(organisationIds), services: [services[0]!], label: `Doublon ${column}-${row}`, fromPhase: 0, toPhase: null },
        });
      }
    }
  }
  return parcels;
}
