import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MultiPolygon } from '../../../core/index.js';
import { DEMO_PASSWORD, loadDemo } from '../../../server/demo/load-demo.js';
import { TestApi, type Answer, type Caller } from '../../support/api.js';
import { parcelFeature, readDemoSite, squareNear } from '../../support/demo-site.js';
import { addOrganisation, addPhase, BYSTANDER, copySite, createOtherSite, OUTSIDER, readRow } from '../../support/role-fixtures.js';
import { createTestDatabase, type TestDatabase } from '../../support/test-database.js';

// Every route × every caller: 401 for anonymous writes, 403 for a role that may not, 404 (the same
// answer as for an unknown id) for a site or object the caller may not read. Each case writes to
// its own fresh target, so that no case depends on another.

const CALLERS = ['anonymous', 'viewer', 'project', 'coordinator', 'admin', 'outsider'] as const;
type CallerName = (typeof CALLERS)[number];
type SignedInName = Exclude<CallerName, 'anonymous'>;

const CREDENTIALS: Record<SignedInName, { email: string; password: string }> = {
  viewer: { email: 'elu@tessera.demo', password: DEMO_PASSWORD },
  project: { email: 'projet@tessera.demo', password: DEMO_PASSWORD },
  coordinator: { email: 'coordination@tessera.demo', password: DEMO_PASSWORD },
  admin: { email: 'admin@tessera.demo', password: DEMO_PASSWORD },
  outsider: OUTSIDER,
};

type Expected = Record<CallerName, number>;

const everyone = (status: number): Expected => ({ anonymous: status, viewer: status, project: status, coordinator: status, admin: status, outsider: status });
const signedIn = (status: number): Expected => ({ ...everyone(status), anonymous: 401 });
/** The callers allowed get `status`; anonymous 401, every other signed-in caller 403. */
const allowed = (callers: CallerName[], status: number): Expected => ({
  ...everyone(403),
  anonymous: 401,
  ...Object.fromEntries(callers.map((caller) => [caller, status])),
});
/** Admins of any site (the outsider administers the other site). */
const administrators = (status: number): Expected => allowed(['admin', 'outsider'], status);
/** On the other, private site only the outsider has a role. */
const outsiderOnly = (status: number): Expected => ({ ...everyone(404), outsider: status });

type Layer = 'parcels' | 'buildings' | 'operations';
type SiteChoice = 'demo' | 'other';

interface World {
  api: TestApi;
  pool: pg.Pool;
  siteId: string;
  otherSiteId: string;
  organisationId: string;
  geometry: MultiPolygon;
  callers: Record<CallerName, Caller | null>;
  bystander: Caller;
  demoPublic: boolean;
}

/** What one case sends, and how to tell whether it changed anything. */
interface Attempt {
  path: string;
  body?: unknown;
  headers?: Record<string, string>;
  /** Send as this caller instead of the shared one (a fresh session). */
  as?: Caller | null;
  /** The id in the path that the caller may not see: a 404 must answer as for an unknown id. */
  hiddenId?: string;
  /** Unchanged after a refused write, changed after a successful one. */
  state?: () => Promise<unknown>;
}

interface RouteCase {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  route: string;
  variant?: string;
  expected: Expected;
  /** Once the demo site is private: `hide` (anonymous and outsider get 404), `same`, or `skip` (not about the site). */
  whenPrivate: 'hide' | 'same' | 'skip';
  arrange(world: World, caller: CallerName): Promise<Attempt>;
  after?(answer: Answer, world: World, caller: CallerName): Promise<void>;
}

const world = {} as World;

const siteOf = (site: SiteChoice) => (site === 'demo' ? world.siteId : world.otherSiteId);
/** Who creates the targets: an admin of that site. */
const creatorOf = (site: SiteChoice) => world.callers[site === 'demo' ? 'admin' : 'outsider'];

function featureBody(layer: Layer, properties: Record<string, unknown> = {}): unknown {
  if (layer === 'parcels') return parcelFeature(world.geometry, world.organisationId, properties);
  if (layer === 'buildings') return { type: 'Feature', geometry: world.geometry, properties: { label: 'Bâtiment de test', fromPhase: 0, ...properties } };
  return { type: 'Feature', geometry: world.geometry, properties: { kind: 'amenagement', phase: 1, label: 'Opération de test', ...properties } };
}

/** A new feature created by an admin of the site; returns its id (at version 1). */
async function createFeature(layer: Layer, site: SiteChoice, properties: Record<string, unknown> = {}): Promise<string> {
  const answer = await world.api.call<{ id: string }>('POST', `/api/sites/${siteOf(site)}/${layer}`, creatorOf(site), { body: featureBody(layer, properties) });
  if (answer.status !== 201) throw new Error(`could not create the target: ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body.id;
}

const layerState = (layer: Layer, siteId: string) => () =>
  readRow(world.pool, `select (select count(*)::int from ${layer} where site_id = $1) as features, (select count(*)::int from parcel_versions where site_id = $1) as versions`, [siteId]);

const featureState = (layer: Layer, id: string) => () =>
  readRow(world.pool, `select (select version from ${layer} where id = $1) as version, (select count(*)::int from parcel_versions where parcel_id = $1) as versions`, [id]);

const label = (properties: Record<string, unknown>) => Object.entries(properties).map(([key, value]) => `${key} ${value}`).join(', ');

function readSiteCase(route: string, suffix: string, site: SiteChoice = 'demo'): RouteCase {
  return {
    method: 'GET', route, expected: site === 'demo' ? everyone(200) : outsiderOnly(200), whenPrivate: 'hide',
    arrange: async () => ({ path: `/api/sites/${siteOf(site)}${suffix}`, hiddenId: siteOf(site) }),
  };
}

function createCase(layer: Layer, editors: CallerName[], properties: Record<string, unknown> = {}, site: SiteChoice = 'demo'): RouteCase {
  return {
    method: 'POST', route: `/api/sites/:siteId/${layer}`, variant: label(properties) || undefined,
    expected: site === 'demo' ? allowed(editors, 201) : outsiderOnly(201), whenPrivate: 'hide',
    arrange: async () => ({ path: `/api/sites/${siteOf(site)}/${layer}`, body: featureBody(layer, properties), hiddenId: siteOf(site), state: layerState(layer, siteOf(site)) }),
  };
}

function importCase(layer: Layer, editors: CallerName[], properties: Record<string, unknown> = {}): RouteCase {
  return {
    method: 'POST', route: `/api/sites/:siteId/${layer}/import`, variant: label(properties) || undefined, expected: allowed(editors, 201), whenPrivate: 'hide',
    arrange: async () => ({
      path: `/api/sites/${world.siteId}/${layer}/import`,
      body: { type: 'FeatureCollection', features: [featureBody(layer, properties)] },
      hiddenId: world.siteId,
      state: layerState(layer, world.siteId),
    }),
  };
}

function readFeatureCase(layer: Layer, site: SiteChoice = 'demo'): RouteCase {
  return {
    method: 'GET', route: `/api/${layer}/:id`, expected: site === 'demo' ? everyone(200) : outsiderOnly(200), whenPrivate: 'hide',
    arrange: async () => {
      const id = await createFeature(layer, site);
      return { path: `/api/${layer}/${id}`, hiddenId: id };
    },
  };
}

function patchCase(layer: Layer, editors: CallerName[], created: Record<string, unknown>, change: Record<string, unknown>, variant?: string, site: SiteChoice = 'demo'): RouteCase {
  return {
    method: 'PATCH', route: `/api/${layer}/:id`, variant, expected: site === 'demo' ? allowed(editors, 200) : outsiderOnly(200), whenPrivate: 'hide',
    arrange: async () => {
      const id = await createFeature(layer, site, created);
      return { path: `/api/${layer}/${id}`, body: { properties: change }, headers: { 'if-match': '"1"' }, hiddenId: id, state: featureState(layer, id) };
    },
  };
}

function deleteCase(layer: Layer, editors: CallerName[], created: Record<string, unknown> = {}, site: SiteChoice = 'demo'): RouteCase {
  return {
    method: 'DELETE', route: `/api/${layer}/:id`, variant: label(created) || undefined,
    expected: site === 'demo' ? allowed(editors, 204) : outsiderOnly(204), whenPrivate: 'hide',
    arrange: async () => {
      const id = await createFeature(layer, site, created);
      return { path: `/api/${layer}/${id}`, headers: { 'if-match': '"1"' }, hiddenId: id, state: featureState(layer, id) };
    },
  };
}

function historyCase(site: SiteChoice = 'demo'): RouteCase {
  return {
    method: 'GET', route: '/api/parcels/:id/history', expected: site === 'demo' ? everyone(200) : outsiderOnly(200), whenPrivate: 'hide',
    arrange: async () => {
      const id = await createFeature('parcels', site);
      return { path: `/api/parcels/${id}/history`, hiddenId: id };
    },
  };
}

/** Restores version 1 of a parcel, still there or deleted first. */
function restoreCase(editors: CallerName[], created: Record<string, unknown>, deleted: boolean, site: SiteChoice = 'demo'): RouteCase {
  const variant = [label(created), deleted ? 'deleted parcel' : ''].filter(Boolean).join(', ') || undefined;
  return {
    method: 'POST', route: '/api/parcels/:id/restore', variant, expected: site === 'demo' ? allowed(editors, 200) : outsiderOnly(200), whenPrivate: 'hide',
    arrange: async () => {
      const id = await createFeature('parcels', site, created);
      if (deleted) {
        const answer = await world.api.call('DELETE', `/api/parcels/${id}`, creatorOf(site), { headers: { 'if-match': '"1"' } });
        if (answer.status !== 204) throw new Error(`could not delete the target: ${answer.status}`);
      }
      return { path: `/api/parcels/${id}/restore`, body: { version: 1 }, hiddenId: id, state: featureState('parcels', id) };
    },
  };
}

/**
 * One set of parcel changes (POST …/parcels/changes): an update of a new parcel created with `created`
 * (`change` as its properties) and the creation of another with `created`'s properties.
 */
function parcelChangesCase(editors: CallerName[], created: Record<string, unknown>, change: Record<string, unknown>, variant?: string, site: SiteChoice = 'demo'): RouteCase {
  return {
    method: 'POST', route: '/api/sites/:siteId/parcels/changes', variant,
    expected: site === 'demo' ? allowed(editors, 200) : outsiderOnly(200), whenPrivate: 'hide',
    arrange: async () => {
      const id = await createFeature('parcels', site, created);
      const changes = [{ action: 'update', id, version: 1, properties: change }, { action: 'create', feature: featureBody('parcels', created) }];
      return { path: `/api/sites/${siteOf(site)}/parcels/changes`, body: { changes }, hiddenId: siteOf(site), state: layerState('parcels', siteOf(site)) };
    },
  };
}

const parcelEditors: CallerName[] = ['admin', 'coordinator'];
const laterPhaseParcelEditors: CallerName[] = ['admin', 'coordinator', 'project'];
const projectEditors: CallerName[] = ['admin', 'project'];

const globalCases: RouteCase[] = [
  { method: 'GET', route: '/api/health', expected: everyone(200), whenPrivate: 'skip', arrange: async () => ({ path: '/api/health' }) },
  {
    method: 'GET', route: '/api/sites', expected: everyone(200), whenPrivate: 'same',
    arrange: async () => ({ path: '/api/sites' }),
    async after(answer, { siteId, otherSiteId, demoPublic }, caller) {
      const listed = (answer.body as unknown as Array<{ id: string }>).map((site) => site.id);
      const seesDemo = demoPublic || (caller !== 'anonymous' && caller !== 'outsider');
      expect(listed.includes(siteId), 'the demo site is listed').toBe(seesDemo);
      expect(listed.includes(otherSiteId), 'the other site is listed').toBe(caller === 'outsider');
    },
  },
  {
    method: 'POST', route: '/api/sites', expected: administrators(201), whenPrivate: 'skip',
    arrange: async () => ({
      path: '/api/sites',
      body: { name: 'Nouveau site', commune: 'Bondy (93010)', perimeter: world.geometry },
      state: () => readRow(world.pool, 'select count(*)::int as sites from sites'),
    }),
    async after(answer, { pool }, caller) {
      if (answer.status !== 201) return;
      const role = await readRow(pool, 'select role from site_roles join users on users.id = user_id where site_id = $1 and email = $2', [
        (answer.body as { id: string }).id, CREDENTIALS[caller as SignedInName].email,
      ]);
      expect(role, 'the creator administers the new site').toEqual({ role: 'admin' });
    },
  },
  { method: 'GET', route: '/api/organisations', expected: everyone(200), whenPrivate: 'skip', arrange: async () => ({ path: '/api/organisations' }) },
  {
    method: 'POST', route: '/api/organisations', expected: administrators(201), whenPrivate: 'skip',
    arrange: async () => ({
      path: '/api/organisations',
      body: { name: 'Régie de quartier', shortName: 'Régie', kind: 'prestataire', colour: '#abcdef' },
      state: () => readRow(world.pool, 'select count(*)::int as organisations from organisations'),
    }),
  },
  {
    method: 'PATCH', route: '/api/organisations/:id', expected: administrators(200), whenPrivate: 'skip',
    arrange: async () => {
      const id = await addOrganisation(world.pool);
      return { path: `/api/organisations/${id}`, body: { name: 'Renommée' }, state: () => readRow(world.pool, 'select name from organisations where id = $1', [id]) };
    },
  },
  {
    method: 'DELETE', route: '/api/organisations/:id', expected: administrators(204), whenPrivate: 'skip',
    arrange: async () => {
      const id = await addOrganisation(world.pool);
      return { path: `/api/organisations/${id}`, state: () => readRow(world.pool, 'select count(*)::int as organisations from organisations where id = $1', [id]) };
    },
  },
  { method: 'GET', route: '/api/services', expected: everyone(200), whenPrivate: 'skip', arrange: async () => ({ path: '/api/services' }) },
  { method: 'GET', route: '/api/tokens', expected: signedIn(200), whenPrivate: 'skip', arrange: async () => ({ path: '/api/tokens' }) },
  {
    method: 'POST', route: '/api/tokens', expected: signedIn(201), whenPrivate: 'skip',
    arrange: async () => ({ path: '/api/tokens', body: { name: 'QGIS' }, state: () => readRow(world.pool, 'select count(*)::int as tokens from api_tokens') }),
  },
  {
    method: 'DELETE', route: '/api/tokens/:id', variant: 'own token', expected: signedIn(204), whenPrivate: 'skip',
    arrange: async ({ api, callers, pool }, caller) => {
      const owner = caller === 'anonymous' ? callers.admin : callers[caller];
      const token = await api.call<{ id: string }>('POST', '/api/tokens', owner, { body: { name: 'à révoquer' } });
      return { path: `/api/tokens/${token.body.id}`, state: () => readRow(pool, 'select revoked_at is not null as revoked from api_tokens where id = $1', [token.body.id]) };
    },
  },
  {
    method: 'DELETE', route: '/api/tokens/:id', variant: "another user's token", expected: signedIn(404), whenPrivate: 'skip',
    arrange: async ({ api, bystander, pool }) => {
      const token = await api.call<{ id: string }>('POST', '/api/tokens', bystander, { body: { name: 'pas à vous' } });
      return {
        path: `/api/tokens/${token.body.id}`,
        hiddenId: token.body.id,
        state: () => readRow(pool, 'select revoked_at is not null as revoked from api_tokens where id = $1', [token.body.id]),
      };
    },
  },
  { method: 'GET', route: '/api/session', expected: everyone(200), whenPrivate: 'skip', arrange: async () => ({ path: '/api/session' }) },
  {
    method: 'DELETE', route: '/api/session', expected: everyone(204), whenPrivate: 'skip',
    arrange: async ({ api }, caller) => {
      if (caller === 'anonymous') return { path: '/api/session' };
      // A session of its own, so that the shared one stays signed in.
      const session = await api.signIn(CREDENTIALS[caller].email, CREDENTIALS[caller].password);
      return { path: '/api/session', as: session, state: async () => (await api.call('GET', '/api/session', session)).body !== null };
    },
  },
];

const demoSiteCases: RouteCase[] = [
  readSiteCase('/api/sites/:siteId', ''),
  {
    method: 'PATCH', route: '/api/sites/:siteId', expected: allowed(['admin'], 200), whenPrivate: 'hide',
    arrange: async () => {
      const id = await copySite(world.pool, world.siteId);
      return { path: `/api/sites/${id}`, body: { description: 'Périmètre révisé' }, hiddenId: id, state: () => readRow(world.pool, 'select description from sites where id = $1', [id]) };
    },
  },
  {
    method: 'DELETE', route: '/api/sites/:siteId', expected: allowed(['admin'], 204), whenPrivate: 'hide',
    arrange: async () => {
      const id = await copySite(world.pool, world.siteId);
      return { path: `/api/sites/${id}`, hiddenId: id, state: () => readRow(world.pool, 'select count(*)::int as sites from sites where id = $1', [id]) };
    },
  },
  readSiteCase('/api/sites/:siteId/phases', '/phases'),
  {
    method: 'POST', route: '/api/sites/:siteId/phases', expected: allowed(projectEditors, 201), whenPrivate: 'hide',
    arrange: async () => ({
      path: `/api/sites/${world.siteId}/phases`,
      body: { name: 'Phase de test', kind: 'transitoire' },
      hiddenId: world.siteId,
      state: () => readRow(world.pool, 'select count(*)::int as phases from phases where site_id = $1', [world.siteId]),
    }),
  },
  {
    method: 'PATCH', route: '/api/sites/:siteId/phases/:ordinal', expected: allowed(projectEditors, 200), whenPrivate: 'hide',
    arrange: async () => {
      const ordinal = await addPhase(world.pool, world.siteId);
      return {
        path: `/api/sites/${world.siteId}/phases/${ordinal}`,
        body: { name: 'Phase renommée' },
        hiddenId: world.siteId,
        state: () => readRow(world.pool, 'select name from phases where site_id = $1 and ordinal = $2', [world.siteId, ordinal]),
      };
    },
  },
  {
    method: 'DELETE', route: '/api/sites/:siteId/phases/:ordinal', expected: allowed(projectEditors, 204), whenPrivate: 'hide',
    arrange: async () => {
      const ordinal = await addPhase(world.pool, world.siteId);
      return {
        path: `/api/sites/${world.siteId}/phases/${ordinal}`,
        hiddenId: world.siteId,
        state: () => readRow(world.pool, 'select count(*)::int as phases from phases where site_id = $1 and ordinal = $2', [world.siteId, ordinal]),
      };
    },
  },
  readSiteCase('/api/sites/:siteId/parcels', '/parcels'),
  readSiteCase('/api/sites/:siteId/buildings', '/buildings'),
  readSiteCase('/api/sites/:siteId/operations', '/operations'),
  readSiteCase('/api/sites/:siteId/context', '/context'),
  createCase('parcels', parcelEditors, { fromPhase: 0 }),
  createCase('parcels', laterPhaseParcelEditors, { fromPhase: 1 }),
  importCase('parcels', parcelEditors, { fromPhase: 0 }),
  importCase('parcels', laterPhaseParcelEditors, { fromPhase: 1 }),
  createCase('buildings', projectEditors),
  importCase('buildings', projectEditors),
  createCase('operations', projectEditors),
  importCase('operations', projectEditors),
  readFeatureCase('parcels'),
  patchCase('parcels', parcelEditors, { fromPhase: 0 }, { label: 'Allée renommée' }, 'fromPhase 0'),
  patchCase('parcels', laterPhaseParcelEditors, { fromPhase: 1 }, { label: 'Allée renommée' }, 'fromPhase 1'),
  patchCase('parcels', parcelEditors, { fromPhase: 1 }, { fromPhase: 0 }, 'fromPhase 1 changed to 0'),
  deleteCase('parcels', parcelEditors, { fromPhase: 0 }),
  deleteCase('parcels', laterPhaseParcelEditors, { fromPhase: 1 }),
  historyCase(),
  restoreCase(parcelEditors, { fromPhase: 0 }, false),
  restoreCase(laterPhaseParcelEditors, { fromPhase: 1 }, false),
  restoreCase(parcelEditors, { fromPhase: 0 }, true),
  restoreCase(laterPhaseParcelEditors, { fromPhase: 1 }, true),
  parcelChangesCase(parcelEditors, { fromPhase: 0 }, { label: 'Allée renommée' }, 'fromPhase 0'),
  parcelChangesCase(laterPhaseParcelEditors, { fromPhase: 1 }, { label: 'Allée renommée' }, 'fromPhase 1'),
  parcelChangesCase(parcelEditors, { fromPhase: 1 }, { fromPhase: 0 }, 'fromPhase 1 changed to 0'),
  readFeatureCase('buildings'),
  patchCase('buildings', projectEditors, {}, { label: 'Bâtiment renommé' }),
  deleteCase('buildings', projectEditors),
  readFeatureCase('operations'),
  patchCase('operations', projectEditors, {}, { label: 'Opération renommée' }),
  deleteCase('operations', projectEditors),
];

/** Objects of the other, private site: even the demo site's admin must not learn they exist. */
const otherSiteCases: RouteCase[] = [
  readSiteCase('/api/sites/:siteId', '', 'other'),
  readSiteCase('/api/sites/:siteId/parcels', '/parcels', 'other'),
  {
    method: 'PATCH', route: '/api/sites/:siteId', expected: outsiderOnly(200), whenPrivate: 'same',
    arrange: async () => {
      const id = await copySite(world.pool, world.otherSiteId);
      return { path: `/api/sites/${id}`, body: { description: 'Périmètre révisé' }, hiddenId: id, state: () => readRow(world.pool, 'select description from sites where id = $1', [id]) };
    },
  },
  {
    method: 'POST', route: '/api/sites/:siteId/phases', expected: outsiderOnly(201), whenPrivate: 'same',
    arrange: async () => ({
      path: `/api/sites/${world.otherSiteId}/phases`,
      body: { name: 'Phase de test', kind: 'cible' },
      hiddenId: world.otherSiteId,
      state: () => readRow(world.pool, 'select count(*)::int as phases from phases where site_id = $1', [world.otherSiteId]),
    }),
  },
  createCase('parcels', [], {}, 'other'),
  readFeatureCase('parcels', 'other'),
  patchCase('parcels', [], {}, { label: 'Allée renommée' }, undefined, 'other'),
  deleteCase('parcels', [], {}, 'other'),
  historyCase('other'),
  restoreCase([], {}, false, 'other'),
  restoreCase([], {}, true, 'other'),
  parcelChangesCase([], {}, { label: 'Allée renommée' }, undefined, 'other'),
  readFeatureCase('buildings', 'other'),
  patchCase('buildings', [], {}, { label: 'Bâtiment renommé' }, undefined, 'other'),
  readFeatureCase('operations', 'other'),
  deleteCase('operations', [], {}, 'other'),
];

/** The parts of an error answer that must not tell a hidden object from an unknown one. */
const visiblePart = (answer: Answer) => ({ status: answer.status, body: answer.body });

function runCases(cases: RouteCase[], statusOf: (routeCase: RouteCase, caller: CallerName) => number): void {
  for (const routeCase of cases) {
    for (const caller of CALLERS) {
      const status = statusOf(routeCase, caller);
      const variant = routeCase.variant ? ` (${routeCase.variant})` : '';
      it(`${caller} ${routeCase.method} ${routeCase.route}${variant} → ${status}`, async () => {
        const attempt = await routeCase.arrange(world, caller);
        const as = attempt.as === undefined ? world.callers[caller] : attempt.as;
        const options = { body: attempt.body, headers: attempt.headers };
        const before = await attempt.state?.();
        const answer = await world.api.call(routeCase.method, attempt.path, as, options);
        expect(answer.status, JSON.stringify(answer.body)).toBe(status);
        if (attempt.state) {
          const after = await attempt.state();
          if (status < 300) expect(after, 'a successful write changes the target').not.toEqual(before);
          else expect(after, 'a refused write changes nothing').toEqual(before);
        }
        if (status === 404 && attempt.hiddenId) {
          const unknown = await world.api.call(routeCase.method, attempt.path.replace(attempt.hiddenId, randomUUID()), as, options);
          expect(visiblePart(answer), 'a hidden site or object answers exactly as an unknown one').toEqual(visiblePart(unknown));
        }
        await routeCase.after?.(answer, world, caller);
      });
    }
  }
}

describe('roles', () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase();
    await loadDemo(database.pool);
    const demo = await readDemoSite(database.pool);
    const otherSiteId = await createOtherSite(database.pool, demo.siteId);
    const api = await TestApi.start(database.pool, { session: { loginAttempts: 100_000 } });
    const callers: Record<CallerName, Caller | null> = { anonymous: null } as Record<CallerName, Caller | null>;
    for (const [name, credentials] of Object.entries(CREDENTIALS)) callers[name as SignedInName] = await api.signIn(credentials.email, credentials.password);
    Object.assign(world, {
      api,
      pool: database.pool,
      siteId: demo.siteId,
      otherSiteId,
      organisationId: Object.values(demo.organisationIds)[0]!,
      geometry: squareNear(demo.inside),
      callers,
      bystander: await api.signIn(BYSTANDER.email, BYSTANDER.password),
      demoPublic: true,
    } satisfies World);
  });
  afterAll(async () => {
    await world.api?.close();
    await database?.drop();
  });

  describe('on the public demo site', () => {
    runCases([...globalCases, ...demoSiteCases], (routeCase, caller) => routeCase.expected[caller]);
  });

  describe('on the demo site made private', () => {
    beforeAll(async () => {
      await world.pool.query('update sites set public = false where id = $1', [world.siteId]);
      world.demoPublic = false;
    });
    afterAll(async () => {
      await world.pool.query('update sites set public = true where id = $1', [world.siteId]);
      world.demoPublic = true;
    });
    const hidden = (caller: CallerName) => caller === 'anonymous' || caller === 'outsider';
    runCases(
      [...globalCases, ...demoSiteCases].filter((routeCase) => routeCase.whenPrivate !== 'skip'),
      (routeCase, caller) => (routeCase.whenPrivate === 'hide' && hidden(caller) ? 404 : routeCase.expected[caller]),
    );
  });

  describe('on another private site', () => {
    runCases(otherSiteCases, (routeCase, caller) => routeCase.expected[caller]);
  });
});
