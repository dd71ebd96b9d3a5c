import { useSyncExternalStore } from 'react';
import { parseRoute, type Route } from './route.js';

const NAVIGATE_EVENT = 'tessera:navigate';

/** Calls `onChange` after every navigation and every back or forward. */
export function subscribeToLocation(onChange: () => void): () => void {
  window.addEventListener('popstate', onChange);
  window.addEventListener(NAVIGATE_EVENT, onChange);
  return () => {
    window.removeEventListener('popstate', onChange);
    window.removeEventListener(NAVIGATE_EVENT, onChange);
  };
}

const currentPath = () => window.location.pathname;

/** Goes to `path` with the History API; `replace` keeps the back button on the previous page. */
export function navigate(path: string, options: { replace?: boolean } = {}): void {
  if (options.replace) window.history.replaceState(null, '', path);
  else window.history.pushState(null, '', path);
  window.dispatchEvent(new Event(NAVIGATE_EVENT));
}

/** The route of the current URL, re-rendering on navigation and on back/forward. */
export function useRoute(): Route {
  const path = useSyncExternalStore(subscribeToLocation, currentPath);
  return parseRoute(path);
}
