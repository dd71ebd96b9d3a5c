import type {
  BuildingCollection,
  ContextCollection,
  Organisation,
  ParcelCollection,
  Phase,
  Service,
  Site,
} from '../../core/index.js';
import { api } from './api/client.js';
import { useAsync, type AsyncState } from './use-async.js';

interface SiteBase {
  site: Site;
  phases: Phase[];
  organisations: Organisation[];
  services: Service[];
  context: ContextCollection;
}

interface PhaseLayers {
  /** The phase these layers were loaded for: it lags behind the chosen phase while loading. */
  layersPhase: number;
  parcels: ParcelCollection;
  buildings: BuildingCollection;
}

/** Everything a site page shows; fields stay undefined until loaded. */
export interface SiteData extends Partial<SiteBase>, Partial<PhaseLayers> {
  status: AsyncState<unknown>;
  /** Loads the parcels and buildings again, e.g. after an edit. */
  reloadLayers: () => void;
}

/** Loads a site once (site, phases, organisations, services, base map) and its layers per phase. */
export function useSiteData(siteId: string, phase: number): SiteData {
  const base = useAsync<SiteBase>(async (signal) => {
    const [site, phases, organisations, services, context] = await Promise.all([
      api.getSite(siteId, signal),
      api.listPhases(siteId, signal),
      api.listOrganisations(signal),
      api.listServices(signal),
      api.getContext(siteId, signal),
    ]);
    return { site, phases, organisations, services, context };
  }, [siteId]);

  const layers = useAsync<PhaseLayers>(async (signal) => {
    const [parcels, buildings] = await Promise.all([
      api.getParcels(siteId, phase, signal),
      api.getBuildings(siteId, phase, signal),
    ]);
    return { layersPhase: phase, parcels, buildings };
  }, [siteId, phase]);

  const status = base.error || base.loading ? base : layers;
  return { ...base.value, ...layers.value, status, reloadLayers: layers.retry };
}
