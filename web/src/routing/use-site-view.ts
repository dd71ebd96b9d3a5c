import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { formatCamera, formatSiteView, parseSiteView, type MapCamera, type SiteView } from './site-view.js';
import { navigate, subscribeToLocation } from './use-route.js';

/** A map at rest this long goes into the URL: the back button does not step through every pan. */
const CAMERA_DEBOUNCE_MS = 400;

const currentSearch = () => window.location.search;

/** A site page's view in its URL, and the two ways to change it. */
export interface SiteViewState {
  /** The view of the URL as it stands (back and forward change it). */
  view: SiteView;
  /** How many times the user went back or forward: the map then goes to the view's camera. */
  travelled: number;
  /** A new view (a phase, a service, a selection): a new history entry, with the map where it is now. */
  show: (change: Partial<Omit<SiteView, 'camera'>>) => void;
  /** Puts a corrected view (an unknown phase or service fallen back to its default) in place of the URL's. */
  correct: (view: SiteView) => void;
  /** The map moved: its camera replaces the current entry's once the map has rested a moment. */
  cameraMoved: (camera: MapCamera) => void;
}

/** The view of the site page in the URL's query: phase, service, selected parcel and map camera. */
export function useSiteView(): SiteViewState {
  const search = useSyncExternalStore(subscribeToLocation, currentSearch);
  const view = useMemo(() => parseSiteView(search), [search]);
  const pendingCamera = useRef<{ camera: MapCamera; timer: ReturnType<typeof setTimeout> } | null>(null);
  const [travelled, setTravelled] = useState(0);

  const go = useCallback((next: SiteView, replace: boolean) => {
    const query = formatSiteView(next);
    if (query !== window.location.search) navigate(window.location.pathname + query, { replace });
  }, []);

  /** Writes a pending camera into the current entry at once; returns the camera the map is at. */
  const flushCamera = useCallback((): MapCamera | null => {
    const pending = pendingCamera.current;
    const shown = parseSiteView(window.location.search);
    if (!pending) return shown.camera;
    clearTimeout(pending.timer);
    pendingCamera.current = null;
    go({ ...shown, camera: pending.camera }, true);
    return pending.camera;
  }, [go]);

  const show = useCallback((change: Partial<Omit<SiteView, 'camera'>>) => {
    const camera = flushCamera();
    go({ ...parseSiteView(window.location.search), ...change, camera }, false);
  }, [flushCamera, go]);

  const correct = useCallback((next: SiteView) => go(next, true), [go]);

  const cameraMoved = useCallback((camera: MapCamera) => {
    const shown = parseSiteView(window.location.search).camera;
    if (pendingCamera.current) clearTimeout(pendingCamera.current.timer);
    if (shown && formatCamera(shown) === formatCamera(camera)) {
      pendingCamera.current = null;
      return;
    }
    pendingCamera.current = { camera, timer: setTimeout(flushCamera, CAMERA_DEBOUNCE_MS) };
  }, [flushCamera]);

  // Back or forward: a camera still waiting belongs to the entry left, not to the one arrived at.
  useEffect(() => {
    const dropPending = () => {
      if (pendingCamera.current) clearTimeout(pendingCamera.current.timer);
      pendingCamera.current = null;
    };
    const onTravel = () => {
      dropPending();
      setTravelled((count) => count + 1);
    };
    window.addEventListener('popstate', onTravel);
    return () => {
      window.removeEventListener('popstate', onTravel);
      dropPending();
    };
  }, []);

  return { view, travelled, show, correct, cameraMoved };
}
