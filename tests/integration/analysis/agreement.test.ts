// The browser engine (core/analysis) and the server's (PostGIS) on the same layers: same gaps and
// overlaps over the tolerance, same total areas within 0.05 % (docs/analysis.md, "Two engines, one definition").
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyseSite, type AnalysisInput, type SiteAnalysis } from '../../../core/index.js';
import { withTransaction } from '../../../server/db/transaction.js';
import { projectRoot } from '../../../server/project-root.js';
import { TestApi } from '../../support/api.js';
import { generateTiling } from '../../support/generate-tiling.js';
import { createTestDatabase, type TestDatabase } from '../../support/test-database.js';
import { readAnalysisFixture, type AnalysisFixture } from '../../support/read-analysis-fixture.js';

const FIXTURES = join(projectRoot, 'tests', 'fixtures', 'analysis', 'in');
const RELATIVE_TOLERANCE = 0.0005;

/** A stable UUID for a fixture's own id ("a", "org-ville"). */
function uuidOf(name: string): string {
  const hex = createHash('sha256').update(name).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** Stores an analysis input as a public site with the phases it uses; the triggers compute its analysis. */
async function storeSite(database: TestDatabase, name: string, input: AnalysisInput): Promise<string> {
  return withTransaction(database.pool, async (client) => {
    const site = await client.query<{ id: string }>(
      "insert into sites (name, commune, perimeter, tolerance, public) values ($1, 'Accord', ST_SetSRID(ST_GeomFromGeoJSON($2), 4326), $3, true) returning id",
      [name, JSON.stringify(input.perimeter), input.tolerance ?? 1],
    );
    const siteId = site.rows[0]!.id;
    const ranges = [...input.parcels, ...input.buildings].flatMap((feature) => [feature.properties.fromPhase, feature.properties.toPhase ?? 0]);
    for (let phase = 0; phase <= Math.max(0, ...ranges); phase += 1) {
      await client.query("insert into phases (site_id, ordinal, name, kind) values ($1, $2, $3, 'existant')", [siteId, phase, `Phase ${phase}`]);
    }
    for (const organisation of new Set(input.parcels.map((parcel) => parcel.properties.organisationId))) {
      await client.query("insert into organisations (id, name, short_name, kind, colour) values ($1, $2, $2, 'autre', '#777777') on conflict do nothing", [uuidOf(organisation), organisation.slice(0, 40)]);
    }
    const parcels = input.parcels.map((parcel) => ({
      id: uuidOf(`${name}/${parcel.id}`),
      geometry: parcel.geometry,
      properties: { ...parcel.properties, organisationId: uuidOf(parcel.properties.organisationId) },
    }));
    await client.query(
      `insert into parcels (id, site_id, geom, organisation_id, services, from_phase, to_phase)
       select (parcel ->> 'id')::uuid, $1, ST_SetSRID(ST_GeomFromGeoJSON(parcel -> 'geometry'), 4326),
              (parcel -> 'properties' ->> 'organisationId')::uuid,
              array(select json_array_elements_text(parcel -> 'properties' -> 'services')),
              (parcel -> 'properties' ->> 'fromPhase')::int, (parcel -> 'properties' ->> 'toPhase')::int
         from json_array_elements($2::json) as parcel`,
      [siteId, JSON.stringify(parcels)],
    );
    await client.query(
      `insert into buildings (site_id, geom, from_phase, to_phase)
       select $1, ST_SetSRID(ST_GeomFromGeoJSON(building -> 'geometry'), 4326), (building -> 'properties' ->> 'fromPhase')::int,
              (building -> 'properties' ->> 'toPhase')::int
         from json_array_elements($2::json) as building`,
      [siteId, JSON.stringify(input.buildings)],
    );
    return siteId;
  });
}

function expectClose(label: string, server: number, browser: number): void {
  const allowed = Math.max(RELATIVE_TOLERANCE * Math.max(Math.abs(server), Math.abs(browser)), 0.01);
  expect(Math.abs(server - browser), `${label}: PostGIS ${server} m², browser ${browser} m²`).toBeLessThanOrEqual(allowed);
}

function expectAgreement(server: SiteAnalysis, browser: SiteAnalysis): void {
  expect(server.gaps.features.length, 'gap count').toBe(browser.gaps.features.length);
  expect(server.overlaps.features.length, 'overlap count').toBe(browser.overlaps.features.length);
  expect(server.overflow.features.length, 'overflow count').toBe(browser.overflow.features.length);
  expectClose('outdoor area', server.outdoorArea, browser.outdoorArea);
  expectClose('gap area', server.gapArea, browser.gapArea);
  expectClose('overlap area', server.overlapArea, browser.overlapArea);
  expectClose('overflow area', server.overflowArea, browser.overflowArea);
}

describe('PostGIS and the browser engine agree', () => {
  let database: TestDatabase;
  let api: TestApi;
  beforeAll(async () => {
    database = await createTestDatabase();
    api = await TestApi.start(database.pool);
  });
  afterAll(async () => {
    await api.close();
    await database.drop();
  });

  const serverAnalysis = async (siteId: string, phase: number, service: string) => {
    const answer = await api.call<SiteAnalysis>('GET', `/api/sites/${siteId}/analysis?phase=${phase}&service=${service}`);
    expect(answer.status).toBe(200);
    return answer.body;
  };

  for (const file of readdirSync(FIXTURES).filter((name) => name.endsWith('.geojson')).sort()) {
    it(`on the fixture ${file}`, async () => {
      const fixture = JSON.parse(readFileSync(join(FIXTURES, file), 'utf8')) as AnalysisFixture;
      const input = readAnalysisFixture(fixture);
      const { phase, service } = fixture.analysis;
      const siteId = await storeSite(database, file, input);
      expectAgreement(await serverAnalysis(siteId, phase, service), analyseSite(input, phase, service));
    });
  }

  for (const seed of [1, 2]) {
    it(`on a generated tiling of 400 parcels with defects (seed ${seed})`, async () => {
      const tiling = generateTiling({ parcels: 400, seed, defects: 0.05, buildings: 0.05 });
      const input = { ...tiling, parcels: tiling.parcels.map((parcel) => ({ ...parcel, id: `${seed}-${parcel.id}` })) };
      const siteId = await storeSite(database, `tiling-${seed}`, input);
      for (const service of ['nettoiement', 'espaces_verts']) {
        expectAgreement(await serverAnalysis(siteId, 0, service), analyseSite(input, 0, service));
      }
    });
  }
});
