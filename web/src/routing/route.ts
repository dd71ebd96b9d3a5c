/** The pages of the app, as read from the URL path. */
export type Route = { name: 'home' } | { name: 'site'; siteId: string } | { name: 'not-found' };

/** Parses a URL path (`/`, `/sites/:siteId`) into a route. */
export function parseRoute(pathname: string): Route {
  const path = pathname.replace(/\/+$/, '') || '/';
  if (path === '/') return { name: 'home' };
  const match = /^\/sites\/([^/]+)$/.exec(path);
  if (match?.[1]) {
    try {
      return { name: 'site', siteId: decodeURIComponent(match[1]) };
    } catch {
      return { name: 'not-found' };
    }
  }
  return { name: 'not-found' };
}

/** The path of a site's page. */
export function sitePath(siteId: string): string {
  return `/sites/${encodeURIComponent(siteId)}`;
}
