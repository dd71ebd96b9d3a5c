import { existsSync } from 'node:fs';
import { join } from 'node:path';
import cookieParser from 'cookie-parser';
import express, { type Express } from 'express';
import type pg from 'pg';
import { analysisRouter } from './analysis/analysis.router.js';
import { authenticate } from './auth/authenticate.js';
import { sessionRouter, type SessionOptions } from './auth/session.router.js';
import { readableSiteGuard } from './auth/site-access.js';
import { tokensRouter } from './auth/tokens.router.js';
import { changeEventsRouter } from './changes/change-events.router.js';
import { ChangeFeed } from './changes/change-feed.js';
import { healthRouter } from './health/health.router.js';
import { compress } from './http/compress.js';
import { errorHandler, unknownRoute } from './http/error-handler.js';
import { webAppRouter } from './http/web-app.js';
import { referenceRouter } from './organisations/organisations.router.js';
import { buildingsLayer } from './buildings/buildings.layer.js';
import { importBodyParser, layerRouter } from './features/layer.router.js';
import { operationsLayer } from './operations/operations.layer.js';
import { PARCEL_CHANGES_PATH, parcelChangesBodyParser, parcelChangesRouter } from './parcels/parcel-changes.router.js';
import { parcelHistoryRouter } from './parcels/parcel-history.router.js';
import { parcelsLayer } from './parcels/parcels.layer.js';
import { parcelWrites } from './parcels/single-parcel-writes.js';
import { projectRoot } from './project-root.js';
import { siteAdminRouter } from './sites/site-admin.router.js';
import { sitesRouter } from './sites/sites.router.js';

export interface AppOptions {
  pool: pg.Pool;
  /** Folder of the built web app to serve; none in API-only tests. */
  webRoot?: string | null;
  session?: SessionOptions;
  /**
   * The change notifications behind `GET /api/sites/:siteId/events`. By default one on `pool`'s
   * database, which connects only while a client is subscribed; pass one to be able to `stop()` it.
   */
  changes?: ChangeFeed;
}

/** Builds the Express app (API + web app) without listening, so tests can drive it directly. */
export function makeApp({ pool, webRoot = join(projectRoot, 'web', 'dist'), session = {}, changes = new ChangeFeed(pool) }: AppOptions): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');
  app.use(compress());
  app.use(/^\/api\/sites\/[^/]+\/(parcels|buildings|operations)\/import$/, importBodyParser);
  app.use(PARCEL_CHANGES_PATH, parcelChangesBodyParser);
  app.use('/api', express.json({ limit: '1mb' }), cookieParser(), authenticate(pool));
  app.use('/api/sites/:siteId', readableSiteGuard(pool));
  app.use('/api', healthRouter(pool), sessionRouter(pool, session), tokensRouter(pool), referenceRouter(pool), sitesRouter(pool), siteAdminRouter(pool));
  app.use('/api', parcelHistoryRouter(pool), parcelChangesRouter(pool), layerRouter(pool, parcelsLayer, parcelWrites), layerRouter(pool, buildingsLayer), layerRouter(pool, operationsLayer), analysisRouter(pool));
  app.use('/api', changeEventsRouter(changes));
  app.use('/api', unknownRoute);
  if (webRoot && existsSync(webRoot)) app.use(webAppRouter(webRoot));
  app.use(errorHandler);
  return app;
}
