import { useEffect, useRef, useState } from 'react';
import { useSession } from './use-session.js';

/** How long the notice of someone else's change stays (it fades out at the end, see styles.css). */
export const CHANGE_NOTICE_MS = 10_000;

/** A change someone else saved, as `GET /api/sites/:siteId/events` sends it. */
export interface SiteChange {
  siteId: string;
  layer: 'parcels' | 'buildings' | 'operations';
  change: 'create' | 'update' | 'delete';
  count: number;
  ids?: string[];
  updatedBy?: string;
  updatedByName: string | null;
}

/** The change shown in the notice; `key` tells two notices of the same text apart. */
export interface SiteChangeNotice extends SiteChange {
  key: number;
}

/**
 * Follows the site's changes (Server-Sent Events): on someone else's save, and after a lost
 * connection (changes may have been missed), calls `onChange` so the page reloads what it shows.
 * Returns the latest change of someone else for ~10 s; the user's own saves are ignored (the
 * editor reloads after them).
 */
export function useSiteChanges(siteId: string, onChange: () => void): SiteChangeNotice | null {
  const session = useSession();
  // undefined until the session is known; the stream reopens with the new identity after a sign-in or out.
  const myId = session === undefined ? undefined : (session?.id ?? null);
  const reload = useRef(onChange);
  useEffect(() => {
    reload.current = onChange;
  });
  const [notice, setNotice] = useState<SiteChangeNotice | null>(null);

  useEffect(() => {
    if (myId === undefined) return;
    const source = new EventSource(`/api/sites/${encodeURIComponent(siteId)}/events`);
    let interrupted = false;
    let noticeCount = 0;
    source.addEventListener('change', (message) => {
      const change = JSON.parse((message as MessageEvent<string>).data) as SiteChange;
      if (change.updatedBy !== undefined && change.updatedBy === myId) return;
      reload.current();
      noticeCount += 1;
      setNotice({ ...change, key: noticeCount });
    });
    source.addEventListener('resync', () => reload.current());
    source.addEventListener('error', () => {
      interrupted = true;
    });
    source.addEventListener('open', () => {
      if (interrupted) reload.current();
      interrupted = false;
    });
    return () => source.close();
  }, [siteId, myId]);

  useEffect(() => {
    if (!notice) return;
    const timer = setTimeout(() => setNotice(null), CHANGE_NOTICE_MS);
    return () => clearTimeout(timer);
  }, [notice]);

  return notice;
}
