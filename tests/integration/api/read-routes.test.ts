import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemo } from '../../../server/demo/load-demo.js';
import { TestApi } from '../../support/api.js';
import { createTestDatabase, type TestDatabase } from '../../support/test-database.js';

interface Collection {
  type: string;
  features: Array<{ id: string; geometry: { type: string }; properties: Record<string, unknown> }>;
}

describe('read routes', () => {
  let database: TestDatabase;
  let api: TestApi;
  let siteId: string;
  beforeAll(async () => {
    database = await createTestDatabase();
    await loadDemo(database.pool);
    api = await TestApi.start(database.pool);
    siteId = (await database.pool.query('select id from sites')).rows[0].id;
  });
  afterAll(async () => {
    await api.close();
    await database.drop();
  });

  it('GET /api/health answers ok with the PostGIS version and the migrations count', async () => {
    const { status, body } = await api.call<Record<string, unknown>>('GET', '/api/health');
    expect(status).toBe(200);
    expect(body.status).toBe('ok');
    expect(body.postgis).toMatch(/^3\.\d+/);
    expect(body.migrations).toBeGreaterThanOrEqual(1);
  });

  it('lists the public demo site with its bounding box', async () => {
    const { status, body } = await api.call<Array<{ id: string; bbox: number[] }>>('GET', '/api/sites');
    expect(status).toBe(200);
    expect(body.map((site) => site.id)).toEqual([siteId]);
    const [west, south, east, north] = body[0]!.bbox;
    expect(west).toBeGreaterThan(2.46);
    expect(east).toBeLessThan(2.49);
    expect(south).toBeGreaterThan(48.89);
    expect(north).toBeLessThan(48.91);
  });

  it('serves the parcels of a phase as MultiPolygon features with their properties', async () => {
    const { status, body } = await api.call<Collection>('GET', `/api/sites/${siteId}/parcels?phase=0`);
    expect(status).toBe(200);
    expect(body.type).toBe('FeatureCollection');
    expect(body.features.length).toBeGreaterThan(10);
    for (const feature of body.features) {
      expect(feature.geometry.type).toBe('MultiPolygon');
      expect(Object.keys(feature.properties).sort()).toEqual(
        ['agreementRef', 'fromPhase', 'notes', 'organisationId', 'ownerId', 'label', 'services', 'toPhase', 'updatedAt', 'updatedBy', 'version'].sort(),
      );
    }
  });

  it('serves buildings, base map layers, phases, organisations and services', async () => {
    const buildings = await api.call<Collection>('GET', `/api/sites/${siteId}/buildings?phase=0`);
    expect(buildings.body.features.length).toBeGreaterThan(50);
    const context = await api.call<Collection>('GET', `/api/sites/${siteId}/context`);
    const layers = new Set(context.body.features.map((feature) => feature.properties.layer));
    expect([...layers].sort()).toEqual(['cadastre', 'street']);
    const phases = await api.call<Array<{ ordinal: number }>>('GET', `/api/sites/${siteId}/phases`);
    expect(phases.body.map((phase) => phase.ordinal)).toEqual([0, 1, 2]);
    const organisations = await api.call<unknown[]>('GET', '/api/organisations');
    expect(organisations.body.length).toBeGreaterThanOrEqual(4);
    const services = await api.call<Array<{ code: string }>>('GET', '/api/services');
    expect(services.body.map((service) => service.code)).toContain('nettoiement');
  });

  it('answers 400 with the field for a malformed id or phase, 404 for an unknown site or route', async () => {
    const badId = await api.call<Record<string, string>>('GET', '/api/sites/not-a-uuid/parcels');
    expect([badId.status, badId.body.code, badId.body.field]).toEqual([400, 'invalid_request', 'params.siteId']);
    const badPhase = await api.call<Record<string, string>>('GET', `/api/sites/${siteId}/parcels?phase=-1`);
    expect([badPhase.status, badPhase.body.field]).toEqual([400, 'query.phase']);
    const unknownSite = await api.call<Record<string, string>>('GET', '/api/sites/00000000-0000-4000-8000-000000000000');
    expect([unknownSite.status, unknownSite.body.code]).toEqual([404, 'not_found']);
    const unknownRoute = await api.call<Record<string, string>>('GET', '/api/nothing-here');
    expect(unknownRoute.status).toBe(404);
  });

  it('does not show a site that is not public to an anonymous visitor', async () => {
    await database.pool.query('update sites set public = false');
    const { status } = await api.call('GET', `/api/sites/${siteId}/parcels`);
    expect(status).toBe(404);
    const list = await api.call<unknown[]>('GET', '/api/sites');
    expect(list.body).toEqual([]);
    await database.pool.query('update sites set public = true');
  });
});
