import { useEffect, useSyncExternalStore } from 'react';
import { api, type SessionUser } from '../api/client.js';

/** undefined while the first `GET /api/session` is on its way, null when anonymous. */
type SessionState = SessionUser | null | undefined;

let current: SessionState;
let fetched = false;
const listeners = new Set<() => void>();

function publish(next: SessionState): void {
  current = next;
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The signed-in user, shared by the header and the pages; asks the server once per page load. */
export function useSession(): SessionState {
  useEffect(() => {
    if (fetched) return;
    fetched = true;
    api.getSession().then(publish, () => publish(null));
  }, []);
  return useSyncExternalStore(subscribe, () => current);
}

/** Signs in; the new session is published to every component using useSession. */
export async function signIn(email: string, password: string): Promise<void> {
  publish(await api.signIn(email, password));
}

/** Signs out and forgets the user. */
export async function signOut(): Promise<void> {
  await api.signOut();
  publish(null);
}

/** The user's role on one site, or null (anonymous, or no role there). */
export function roleOnSite(user: SessionState, siteId: string): SessionUser['roles'][number]['role'] | null {
  return user?.roles.find((role) => role.siteId === siteId)?.role ?? null;
}
