import type { AnalysisBuilding, AnalysisInput } from '../../core/analysis/analysis-input.js';
import type { MultiPolygon, Position } from '../../core/schemas/geojson.schema.js';
import type { ParcelFeature } from '../../core/schemas/parcel.schema.js';
import { seededRandom } from './seeded-random.js';

export interface TilingOptions {
  /** Number of parcels. */
  parcels: number;
  seed: number;
  /** Share of parcels (0–1) shrunk (leaving a gap around them) and as many grown (overlapping their neighbours). */
  defects: number;
  /** Share of cells (0–1) holding a small building; 0.02 by default. */
  buildings?: number;
}

export interface Tiling extends AnalysisInput {
  tolerance: number;
  parcels: ParcelFeature[];
  buildings: AnalysisBuilding[];
  organisationIds: string[];
}

const west = 2.4735;
const south = 48.8955;
/** About 1 km on each side at Bondy's latitude. */
const width = 0.01365;
const height = 0.009;

/** A jittered grid of parcels over ~1 km² in Bondy, sharing their vertices, with a few defects; deterministic for a seed. */
export function generateTiling({ parcels: count, seed, defects, buildings: buildingShare = 0.02 }: TilingOptions): Tiling {
  const random = seededRandom(seed);
  const columns = Math.ceil(Math.sqrt(count));
  const rows = Math.ceil(count / columns);
  const lastRowCells = count - columns * (rows - 1);
  const cellWidth = width / columns;
  const cellHeight = height / rows;
  const onBoundary = (column: number, row: number) =>
    column === 0 || row === 0 || column === columns || row === rows ||
    (row === rows - 1 && column >= lastRowCells) || (column === lastRowCells && row >= rows - 1);
  const vertices: Position[][] = [];
  for (let column = 0; column <= columns; column += 1) {
    vertices.push([]);
    for (let row = 0; row <= rows; row += 1) {
      const jitter = onBoundary(column, row) ? 0 : 0.25;
      (vertices[column] as Position[]).push([
        round(west + (column + (random() * 2 - 1) * jitter) * cellWidth),
        round(south + (row + (random() * 2 - 1) * jitter) * cellHeight),
      ]);
    }
  }
  const at = (column: number, row: number) => (vertices[column] as Position[])[row] as Position;
  const organisationIds = Array.from({ length: 6 }, (_, index) => uuid(0xa000 + index));
  const parcels: ParcelFeature[] = [];
  const buildings: AnalysisBuilding[] = [];
  for (let index = 0; index < count; index += 1) {
    const column = index % columns;
    const row = Math.floor(index / columns);
    let ring: Position[] = [at(column, row), at(column + 1, row), at(column + 1, row + 1), at(column, row + 1), at(column, row)];
    const draw = random();
    if (draw < defects) ring = scaleRing(ring, 0.9);
    else if (draw < 2 * defects) ring = scaleRing(ring, 1.08);
    const services = random() < 0.97 ? ['nettoiement', 'espaces_verts'] : ['espaces_verts'];
    parcels.push({
      type: 'Feature',
      id: uuid(index + 1),
      geometry: { type: 'MultiPolygon', coordinates: [[ring]] },
      properties: {
        organisationId: organisationIds[Math.floor(random() * organisationIds.length)] as string,
        services,
        ownerId: null,
        label: `P${index + 1}`,
        agreementRef: null,
        notes: null,
        fromPhase: 0,
        toPhase: null,
        version: 1,
        updatedAt: '2024-01-01T00:00:00.000Z',
        updatedBy: null,
      },
    });
    if (random() < buildingShare) {
      buildings.push({ geometry: { type: 'MultiPolygon', coordinates: [[scaleRing(ring, 0.4)]] }, properties: { fromPhase: 0, toPhase: null } });
    }
  }
  return { perimeter: staircase(columns, rows, lastRowCells, at), tolerance: 1, buildings, parcels, organisationIds };
}

function staircase(columns: number, rows: number, lastRowCells: number, at: (column: number, row: number) => Position): MultiPolygon {
  const ring: Position[] = [];
  for (let column = 0; column <= columns; column += 1) ring.push(at(column, 0));
  const fullRows = lastRowCells === columns ? rows : rows - 1;
  for (let row = 1; row <= fullRows; row += 1) ring.push(at(columns, row));
  if (fullRows < rows) {
    for (let column = columns - 1; column >= lastRowCells; column -= 1) ring.push(at(column, fullRows));
    ring.push(at(lastRowCells, rows));
  }
  for (let column = (fullRows < rows ? lastRowCells : columns) - 1; column >= 0; column -= 1) ring.push(at(column, rows));
  for (let row = rows - 1; row >= 0; row -= 1) ring.push(at(0, row));
  return { type: 'MultiPolygon', coordinates: [[ring]] };
}

function scaleRing(ring: Position[], factor: number): Position[] {
  const open = ring.slice(0, -1);
  const centreX = open.reduce((sum, position) => sum + position[0], 0) / open.length;
  const centreY = open.reduce((sum, position) => sum + position[1], 0) / open.length;
  return ring.map(([x, y]) => [round(centreX + (x - centreX) * factor), round(centreY + (y - centreY) * factor)]);
}

/** Seven decimals, as stored GeoJSON coordinates usually are (about 1 cm). */
function round(value: number): number {
  return Math.round(value * 1e7) / 1e7;
}

function uuid(value: number): string {
  return `00000000-0000-4000-8000-${value.toString(16).padStart(12, '0')}`;
}
