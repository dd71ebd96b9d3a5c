import { useQuery, type UseQueryResult } from '@tanstack/react-query';
import { useState } from 'react';
import type {
  BuildingCollection,
  ContextCollection,
  Organisation,
  ParcelCollection,
  Phase,
  Service,
  Site,
} from '../../core/index.js';
import { siteQueries } from './api/site-queries.js';
import type { LoadStatus } from './components/LoadState.js';

interface PhaseLayers {
  /** The phase these layers were loaded for: it lags behind the chosen phase while loading. */
  layersPhase: number;
  parcels: ParcelCollection;
  buildings: BuildingCollection;
}

/** Everything a site page shows; fields stay undefined until loaded. */
export interface SiteData extends Partial<PhaseLayers> {
  site?: Site;
  phases?: Phase[];
  organisations?: Organisation[];
  services?: Service[];
  context?: ContextCollection;
  /** Loading (the site, or the layers of the phase), or the first load that failed. */
  status: LoadStatus;
}

/** The status of a set of loads: the first error, whether any is on its way, and a retry of those that failed. */
function statusOf(queries: ReadonlyArray<UseQueryResult<unknown>>): LoadStatus {
  const failed = queries.filter((query) => query.error);
  return {
    error: failed[0]?.error ?? undefined,
    loading: queries.some((query) => query.isFetching),
    retry: () => failed.forEach((query) => void query.refetch()),
  };
}

/**
 * Reads a site through the query cache: once per site (site, phases, organisations, services,
 * base map) and per phase (parcels and buildings), keeping the last phase's layers on the map until
 * the chosen one's are both there, so that the map does not flash empty between phases.
 */
export function useSiteData(siteId: string, phase: number): SiteData {
  const base = [
    useQuery(siteQueries.site(siteId)),
    useQuery(siteQueries.phases(siteId)),
    useQuery(siteQueries.organisations()),
    useQuery(siteQueries.services()),
    useQuery(siteQueries.context(siteId)),
  ] as const;
  const parcels = useQuery(siteQueries.parcels(siteId, phase));
  const buildings = useQuery(siteQueries.buildings(siteId, phase));

  const loaded = parcels.data && buildings.data ? { layersPhase: phase, parcels: parcels.data, buildings: buildings.data } : undefined;
  // The layers last shown, kept while another phase's load: a state adjusted during the render, as React advises.
  const [shown, setShown] = useState<PhaseLayers | undefined>(loaded);
  if (loaded && (loaded.layersPhase !== shown?.layersPhase || loaded.parcels !== shown.parcels || loaded.buildings !== shown.buildings)) setShown(loaded);

  const [site, phases, organisations, services, context] = base;
  const baseStatus = statusOf(base);
  return {
    site: site.data, phases: phases.data, organisations: organisations.data, services: services.data, context: context.data,
    ...(loaded ?? shown),
    status: baseStatus.error || baseStatus.loading ? baseStatus : statusOf([parcels, buildings]),
  };
}
