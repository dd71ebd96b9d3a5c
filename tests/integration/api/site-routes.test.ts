import type { Express } from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeApp } from '../../../server/app.js';
import { DEMO_PASSWORD, loadDemo } from '../../../server/demo/load-demo.js';
import { TestApi, type Caller } from '../../support/api.js';
import { readDemoSite } from '../../support/demo-site.js';
import { createOtherSite, OUTSIDER } from '../../support/role-fixtures.js';
import { createTestDatabase, type TestDatabase } from '../../support/test-database.js';

// Every route of one site (`/api/sites/:siteId…`), as the app declares them, so that a new route is
// covered the day it is added: one guard answers for the site before the route reads its query or
// body. A malformed id is a 400; a site that does not exist and one the caller may not read get
// the same 404, to the letter; a site the caller may read goes through to the route.

interface SiteRoute {
  method: string;
  path: string;
}

/** The routes of the app whose path starts with /sites/:siteId, with the method of each. */
function siteRoutes(app: Express): SiteRoute[] {
  const routers = (app as unknown as { router: { stack: Array<{ handle: { stack?: Array<{ route?: { path: string; methods: Record<string, boolean> } }> } }> } }).router.stack;
  return routers.flatMap((layer) => layer.handle.stack ?? []).flatMap(({ route }) =>
    route && route.path.startsWith('/sites/:siteId') ? Object.keys(route.methods).map((method) => ({ method: method.toUpperCase(), path: route.path })) : [],
  );
}

const UNKNOWN_SITE = '00000000-0000-4000-8000-000000000000';
const SITE_NOT_FOUND = { code: 'not_found', message: 'site not found' };

/** The route's path for a site id, its other parameters filled with values a site may have. */
const pathFor = (route: SiteRoute, siteId: string) => `/api${route.path.replace(':siteId', siteId).replace(':ordinal', '1')}`;

describe('the routes of one site', () => {
  let database: TestDatabase;
  let api: TestApi;
  let routes: SiteRoute[];
  let demoSiteId: string;
  let privateSiteId: string;
  let demoAdmin: Caller;
  let outsider: Caller;

  beforeAll(async () => {
    database = await createTestDatabase();
    await loadDemo(database.pool);
    demoSiteId = (await readDemoSite(database.pool)).siteId;
    privateSiteId = await createOtherSite(database.pool, demoSiteId);
    api = await TestApi.start(database.pool);
    routes = siteRoutes(makeApp({ pool: database.pool, webRoot: null }));
    demoAdmin = await api.signIn('admin@tessera.demo', DEMO_PASSWORD);
    outsider = await api.signIn(OUTSIDER.email, OUTSIDER.password);
  });
  afterAll(async () => {
    await api?.close();
    await database?.drop();
  });

  it('are found in the app: reads, writes, the analysis and the live feed', () => {
    const listed = routes.map((route) => `${route.method} ${route.path}`);
    for (const expected of ['GET /sites/:siteId', 'DELETE /sites/:siteId/phases/:ordinal', 'POST /sites/:siteId/parcels/changes', 'POST /sites/:siteId/operations/import',
      'GET /sites/:siteId/analysis', 'PUT /sites/:siteId/unit-costs', 'GET /sites/:siteId/events']) {
      expect(listed).toContain(expected);
    }
    expect(routes.length).toBeGreaterThanOrEqual(24);
  });

  it('answer 400 on params.siteId for a malformed site id', async () => {
    for (const route of routes) {
      const { status, body } = await api.call(route.method, pathFor(route, 'not-a-uuid'));
      expect([status, body.code, body.field], `${route.method} ${route.path}`).toEqual([400, 'invalid_request', 'params.siteId']);
    }
  });

  it('answer the same 404 for an unknown site and for a private one, to anonymous callers and to the admin of another site', async () => {
    for (const route of routes) {
      for (const [name, caller] of [['anonymous', null], ['demo admin', demoAdmin]] as const) {
        for (const siteId of [UNKNOWN_SITE, privateSiteId]) {
          const { status, body } = await api.call(route.method, pathFor(route, siteId), caller);
          expect({ status, body }, `${name} ${route.method} ${route.path} on ${siteId === UNKNOWN_SITE ? 'an unknown' : 'the private'} site`).toEqual({ status: 404, body: SITE_NOT_FOUND });
        }
      }
    }
  });

  it('let the request through to the route on a site the caller may read', async () => {
    // Anonymous callers on the public site (their writes are refused by the routes, 401), the outsider's reads on its private site.
    const attempts = [
      ...routes.map((route) => ({ route, siteId: demoSiteId, caller: null })),
      ...routes.filter((route) => route.method === 'GET').map((route) => ({ route, siteId: privateSiteId, caller: outsider })),
    ];
    for (const { route, siteId, caller } of attempts) {
      const response = await fetch(api.baseUrl + pathFor(route, siteId), { method: route.method, headers: caller?.cookie ? { cookie: caller.cookie } : {} });
      // The live feed answers with a stream that stays open: its status is enough.
      const body = response.headers.get('content-type')?.startsWith('text/event-stream') ? (await response.body?.cancel(), null) : await response.json();
      expect(body, `${route.method} ${route.path}`).not.toEqual(SITE_NOT_FOUND);
      expect(response.status, `${route.method} ${route.path}: ${JSON.stringify(body)}`).toBeLessThan(500);
    }
  });
});
