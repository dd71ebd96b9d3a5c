// A generated site on a fresh database, for the tests that compare the incremental analysis with a full one.
import { expect } from 'vitest';
import { loadDemo } from '../../../server/demo/load-demo.js';
import { TestApi, type Caller } from '../../support/api.js';
import { readDemoSite } from '../../support/demo-site.js';
import { createTestDatabase, type TestDatabase } from '../../support/test-database.js';
import { gridParcels, type JitteredGrid } from './jittered-grid.js';

export interface GridSiteOptions {
  /** The services the parcels take turns at. */
  services: string[];
  /** Phases after the current one (ordinals 1…n). */
  laterPhases: number;
  /** gridParcels' seed, and how often it makes holes and overlaps. */
  seed: number;
  holeEvery: number;
  overlapEvery: number;
  /** Buildings two cells by one at these cells, each with the phase it goes at (null: stays). */
  buildings: ReadonlyArray<{ column: number; row: number; toPhase: number | null }>;
}

export interface GridSite {
  database: TestDatabase;
  api: TestApi;
  admin: Caller;
  siteId: string;
  /** Four of the demo's organisations, which the parcels take turns at. */
  organisations: string[];
  /** Ends the API and drops the database. */
  close: () => Promise<void>;
}

/** A site covering the grid (its perimeter just inside it), its parcels and buildings imported through the API by an admin. */
export async function createGridSite(grid: JitteredGrid, options: GridSiteOptions): Promise<GridSite> {
  const database = await createTestDatabase();
  await loadDemo(database.pool);
  const organisations = Object.values((await readDemoSite(database.pool)).organisationIds).slice(0, 4);
  const api = await TestApi.start(database.pool);
  const admin = await api.signIn('admin@tessera.demo');
  const site = await api.call<{ id: string }>('POST', '/api/sites', admin, {
    body: { name: 'Grille', commune: 'Bondy', perimeter: grid.rectangle(0.4, -0.3, grid.columns - 0.6, grid.rows + 0.2), tolerance: 1 },
  });
  expect(site.status).toBe(201);
  const siteId = site.body.id;
  for (let ordinal = 1; ordinal <= options.laterPhases; ordinal += 1) {
    expect((await api.call('POST', `/api/sites/${siteId}/phases`, admin, { body: { ordinal, name: `Phase ${ordinal}`, kind: 'transitoire' } })).status).toBe(201);
  }
  const imported = await api.call('POST', `/api/sites/${siteId}/parcels/import`, admin, {
    body: { type: 'FeatureCollection', features: gridParcels(grid, organisations, options.services, options.seed, options.holeEvery, options.overlapEvery) },
  });
  expect(imported.status).toBe(201);
  const buildings = options.buildings.map(({ column, row, toPhase }, index) => ({
    type: 'Feature', geometry: grid.block(column, row, 2, 1), properties: { label: `Bâtiment ${index}`, fromPhase: 0, toPhase },
  }));
  expect((await api.call('POST', `/api/sites/${siteId}/buildings/import`, admin, { body: { type: 'FeatureCollection', features: buildings } })).status).toBe(201);
  return {
    database, api, admin, siteId, organisations,
    close: async () => {
      await api.close();
      await database.drop();
    },
  };
}
