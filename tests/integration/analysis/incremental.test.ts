import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MultiPolygon } from '../../../core/index.js';
import type { Caller, TestApi } from '../../support/api.js';
import type { TestDatabase } from '../../support/test-database.js';
import { seededRandom } from '../../support/seeded-random.js';
import { snapshot } from './analysis-snapshot.js';
import { createGridSite, type GridSite } from './grid-site.js';
import { JitteredGrid } from './jittered-grid.js';

const SERVICES = ['nettoiement', 'espaces_verts', 'collecte_om'];
const EDITS = 200;

interface Stored {
  id: string;
  geometry: MultiPolygon;
  properties: { version: number; services: string[]; fromPhase: number; toPhase: number | null };
}

describe('the incremental analysis equals a full recomputation', () => {
  let site: GridSite;
  let database: TestDatabase;
  let api: TestApi;
  let admin: Caller;
  let siteId: string;
  let organisations: string[];
  const grid = new JitteredGrid([2.4795, 48.9012], 18, 16, 12, 3);

  beforeAll(async () => {
    site = await createGridSite(grid, {
      services: SERVICES, laterPhases: 2, seed: 21, holeEvery: 25, overlapEvery: 30,
      buildings: [[3, 3], [9, 5], [13, 11], [5, 12]].map(([column, row], index) => ({ column: column!, row: row!, toPhase: index % 2 === 0 ? 2 : null })),
    });
    ({ database, api, admin, siteId, organisations } = site);
  });
  afterAll(() => site.close());

  it(`after ${EDITS} random edits through the API`, async () => {
    const random = seededRandom(2024);
    const pick = <T>(items: T[]) => items[Math.floor(random() * items.length)]!;
    const parcelIds = async () => (await database.pool.query<{ id: string }>('select id from parcels where site_id = $1 order by id', [siteId])).rows.map((row) => row.id);
    const buildingIds = async () => (await database.pool.query<{ id: string }>('select id from buildings where site_id = $1 order by id', [siteId])).rows.map((row) => row.id);
    const read = async (layer: string, id: string) => (await api.call<Stored>('GET', `/api/${layer}/${id}`, admin)).body;
    const patch = (layer: string, stored: Stored, body: unknown) => api.call('PATCH', `/api/${layer}/${stored.id}`, admin, { body, headers: { 'if-match': `"${stored.properties.version}"` } });
    const moved = (geometry: MultiPolygon): MultiPolygon => {
      const ring = geometry.coordinates[0]![0]!.map(([lon, lat]): [number, number] => [lon!, lat!]);
      const index = 1 + Math.floor(random() * (ring.length - 2));
      ring[index] = [ring[index]![0]! + (random() - 0.5) * 0.00008, ring[index]![1]! + (random() - 0.5) * 0.00006];
      return { type: 'MultiPolygon', coordinates: [[ring]] };
    };
    const deleted: string[] = [];
    const statuses = new Map<string, number[]>();
    for (let edit = 0; edit < EDITS; edit += 1) {
      const kind = pick(['create', 'move', 'move', 'move', 'services', 'phases', 'delete', 'restore', 'building']);
      let status = 0;
      if (kind === 'create') {
        const services = SERVICES.filter(() => random() < 0.6);
        status = (await api.call('POST', `/api/sites/${siteId}/parcels`, admin, {
          body: { type: 'Feature', geometry: grid.block(Math.floor(random() * (grid.columns - 2)), Math.floor(random() * (grid.rows - 2)), 1 + Math.floor(random() * 2), 1 + Math.floor(random() * 2)),
            properties: { organisationId: pick(organisations), services: services.length ? services : ['nettoiement'], label: `Nouvelle ${edit}`, fromPhase: Math.floor(random() * 2) } },
        })).status;
      } else if (kind === 'move') {
        const stored = await read('parcels', pick(await parcelIds()));
        status = (await patch('parcels', stored, { geometry: moved(stored.geometry) })).status;
      } else if (kind === 'services') {
        const stored = await read('parcels', pick(await parcelIds()));
        const services = SERVICES.filter(() => random() < 0.5);
        status = (await patch('parcels', stored, { properties: { services: services.length ? services : ['collecte_om'], organisationId: pick(organisations) } })).status;
      } else if (kind === 'phases') {
        const stored = await read('parcels', pick(await parcelIds()));
        const fromPhase = Math.floor(random() * 2);
        status = (await patch('parcels', stored, { properties: { fromPhase, toPhase: random() < 0.5 ? null : fromPhase + 1 } })).status;
      } else if (kind === 'delete') {
        const stored = await read('parcels', pick(await parcelIds()));
        status = (await api.call('DELETE', `/api/parcels/${stored.id}`, admin, { headers: { 'if-match': `"${stored.properties.version}"` } })).status;
        deleted.push(stored.id);
      } else if (kind === 'restore' && deleted.length > 0) {
        const id = deleted.splice(Math.floor(random() * deleted.length), 1)[0]!;
        status = (await api.call('POST', `/api/parcels/${id}/restore`, admin, { body: { version: 1 } })).status;
      } else if (kind === 'building') {
        const choice = random();
        if (choice < 0.4) {
          status = (await api.call('POST', `/api/sites/${siteId}/buildings`, admin, {
            body: { type: 'Feature', geometry: grid.block(Math.floor(random() * (grid.columns - 1)), Math.floor(random() * (grid.rows - 1))), properties: { label: `Bâtiment ${edit}`, fromPhase: Math.floor(random() * 3) } },
          })).status;
        } else {
          const stored = await read('buildings', pick(await buildingIds()));
          status = choice < 0.8
            ? (await patch('buildings', stored, { geometry: moved(stored.geometry) })).status
            : (await api.call('DELETE', `/api/buildings/${stored.id}`, admin, { headers: { 'if-match': `"${stored.properties.version}"` } })).status;
        }
      }
      statuses.set(kind, [...(statuses.get(kind) ?? []), status]);
    }
    const succeeded = [...statuses.values()].flat().filter((status) => status >= 200 && status < 300).length;
    expect(succeeded).toBeGreaterThan(EDITS * 0.8);
    expect([...statuses.values()].flat().filter((status) => status >= 500)).toEqual([]);

    const incremental = await snapshot(database.pool, siteId);
    await database.pool.query('select analysis_recompute_site($1)', [siteId]);
    const full = await snapshot(database.pool, siteId);
    expect(incremental.map(({ phase, service }) => `${phase} ${service}`)).toEqual(full.map(({ phase, service }) => `${phase} ${service}`));
    expect(full.filter((row) => SERVICES.includes(row.service) && row.gaps > 0 && row.pairs.length > 0).length).toBeGreaterThan(0);
    incremental.forEach((row, index) => {
      const reference = full[index]!;
      const where = `phase ${row.phase}, ${row.service}`;
      expect(row.gaps, where).toBe(reference.gaps);
      expect(row.pairs, where).toEqual(reference.pairs);
      expect(row.overflowing, where).toEqual(reference.overflowing);
      for (const total of ['outdoor_area', 'gap_area', 'overlap_area', 'overflow_area'] as const) {
        // GEOS unions the same pieces in another order when it works region by region: the totals then differ
        // in the 7th significant digit (seen: 0.008 m² of 4,300 m²), never more.
        expect(Math.abs(row[total] - reference[total]), `${where}: ${total}`).toBeLessThanOrEqual(1e-5 * Math.max(1, Math.abs(reference[total])));
      }
    });
  });
});
