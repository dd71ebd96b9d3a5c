import { QueryClient, queryOptions } from '@tanstack/react-query';
import type { ParcelCollection } from '../../../core/index.js';
import { applyParcelWrites, type ParcelWrite } from '../domain/parcel-writes.js';
import { api } from './client.js';

// Every read of the API goes through one query cache. Its data stays fresh by events, not by time:
// a save writes its own answer into it (storeParcelWrites), the live feed marks what others changed
// (use-site-changes.ts), and a page opened again reads everything anew (refetchOnMount).

/** The keys of the cache: everything of a site starts with ['sites', siteId]. */
export const queryKeys = {
  siteList: ['site-list'] as const,
  site: (siteId: string) => ['sites', siteId] as const,
  organisations: ['organisations'] as const,
  services: ['services'] as const,
  /** The parcels alive at a phase; without `phase`, those of every phase. */
  parcels: (siteId: string, phase?: number) => (phase === undefined ? ['sites', siteId, 'parcels'] as const : ['sites', siteId, 'parcels', phase] as const),
  buildings: (siteId: string, phase?: number) => (phase === undefined ? ['sites', siteId, 'buildings'] as const : ['sites', siteId, 'buildings', phase] as const),
  /** A phase's analysis for a service; without them, every analysis of the site. */
  analysis: (siteId: string, phase?: number, service?: string) =>
    (phase === undefined ? ['sites', siteId, 'analysis'] as const : ['sites', siteId, 'analysis', phase, service] as const),
};

/**
 * The app's cache: nothing goes stale with time, but a page opened again loads what it shows anew
 * (the live feed kept it fresh only while it was open); nothing is tried twice (a failed load shows
 * its error and a retry button).
 */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { staleTime: Infinity, refetchOnMount: 'always', retry: false, refetchOnWindowFocus: false, refetchOnReconnect: false },
    },
  });
}

/** What a site page reads, each once per site (phases, base map) or per phase (layers), and the list of sites. */
export const siteQueries = {
  sites: () => queryOptions({ queryKey: queryKeys.siteList, queryFn: ({ signal }) => api.listSites(signal) }),
  site: (siteId: string) => queryOptions({ queryKey: [...queryKeys.site(siteId), 'site'], queryFn: ({ signal }) => api.getSite(siteId, signal) }),
  phases: (siteId: string) => queryOptions({ queryKey: [...queryKeys.site(siteId), 'phases'], queryFn: ({ signal }) => api.listPhases(siteId, signal) }),
  context: (siteId: string) => queryOptions({ queryKey: [...queryKeys.site(siteId), 'context'], queryFn: ({ signal }) => api.getContext(siteId, signal) }),
  organisations: () => queryOptions({ queryKey: queryKeys.organisations, queryFn: ({ signal }) => api.listOrganisations(signal) }),
  services: () => queryOptions({ queryKey: queryKeys.services, queryFn: ({ signal }) => api.listServices(signal) }),
  parcels: (siteId: string, phase: number) =>
    queryOptions({ queryKey: queryKeys.parcels(siteId, phase), queryFn: ({ signal }) => api.getParcels(siteId, phase, signal) }),
  buildings: (siteId: string, phase: number) =>
    queryOptions({ queryKey: queryKeys.buildings(siteId, phase), queryFn: ({ signal }) => api.getBuildings(siteId, phase, signal) }),
  analysis: (siteId: string, phase: number, service: string | null) => queryOptions({
    queryKey: queryKeys.analysis(siteId, phase, service ?? undefined),
    queryFn: ({ signal }) => api.getAnalysis(siteId, phase, service!, signal),
    enabled: service !== null,
  }),
};

/**
 * Puts parcels as a save, an undo or a resolution left them into every cached phase of the site
 * (added, replaced, or removed where deleted or no longer alive), instead of loading the phase
 * again; the analyses, computed by the server, are loaded again. A load of the parcels already on
 * its way may predate the write: it is sent again.
 */
export function storeParcelWrites(queryClient: QueryClient, siteId: string, writes: readonly ParcelWrite[]): void {
  const parcelsKey = queryKeys.parcels(siteId);
  const loading = queryClient.isFetching({ queryKey: parcelsKey }) > 0;
  for (const [queryKey, collection] of queryClient.getQueriesData<ParcelCollection>({ queryKey: parcelsKey })) {
    const phase = queryKey[3];
    if (collection && typeof phase === 'number') queryClient.setQueryData(queryKey, applyParcelWrites(collection, phase, writes));
  }
  if (loading) void queryClient.invalidateQueries({ queryKey: parcelsKey });
  void queryClient.invalidateQueries({ queryKey: queryKeys.analysis(siteId) });
}

/** Someone else changed the site's layers: its parcels, buildings and analyses are loaded again (those shown at once). */
export function reloadSiteLayers(queryClient: QueryClient, siteId: string): void {
  for (const queryKey of [queryKeys.parcels(siteId), queryKeys.buildings(siteId), queryKeys.analysis(siteId)]) {
    void queryClient.invalidateQueries({ queryKey });
  }
}
