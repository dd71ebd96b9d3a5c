import type { ServerResponse } from 'node:http';
import { join, relative, sep } from 'node:path';
import { Router } from 'express';
import expressStaticGzip from 'express-static-gzip';

/** Vite names the files of web/dist/assets after a hash of their content: a new build gives new names. */
const HASHED_ASSETS = `assets${sep}`;
const IMMUTABLE = 'public, max-age=31536000, immutable';
/** The page and the unhashed files are checked again on every load, so that a new build is picked up at once. */
const REVALIDATE = 'no-cache';

/**
 * Serves the built web app from `webRoot`: its files (the brotli or gzip copies the build wrote
 * beside them when the browser takes them), and its page for every client-side route.
 */
export function webAppRouter(webRoot: string): Router {
  const router = Router();
  const setCacheControl = (res: ServerResponse, path: string) =>
    res.setHeader('Cache-Control', relative(webRoot, path).startsWith(HASHED_ASSETS) ? IMMUTABLE : REVALIDATE);
  router.use(expressStaticGzip(webRoot, {
    enableBrotli: true,
    orderPreference: ['br', 'gzip'],
    index: false,
    serveStatic: { index: false, cacheControl: false, setHeaders: setCacheControl },
  }));
  // Client-side routes (/sites/…) all load the app's page; a missing file (/favicon.ico, an old
  // asset: a name ending in an extension such as .js, not a number such as 2.48) gets a 404, never the page.
  router.get(/^\/(?!api\/)(?!.*\.[a-z][a-z0-9]{0,7}$).*/i, (_req, res) => {
    res.setHeader('Cache-Control', REVALIDATE);
    res.sendFile(join(webRoot, 'index.html'));
  });
  return router;
}
