import type {
  BuildingCollection,
  ContextCollection,
  Organisation,
  ParcelCollection,
  Phase,
  Service,
  Site,
  SiteAnalysis,
  SiteSummary,
} from '../../../core/index.js';

/** An error answered by the API: its stable `code`, its message and, for bad input, the field. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly field: string | undefined;

  constructor(status: number, code: string, message: string, field?: string) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.field = field;
  }
}

type Fetch = typeof fetch;

/** Reads the `{code, message, field}` body of a failed response, tolerating non-JSON bodies. */
async function toApiError(response: Response): Promise<ApiError> {
  let body: unknown = null;
  try {
    body = await response.json();
  } catch {
    // A proxy or a crashed server may answer HTML or nothing.
  }
  const record = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  const code = typeof record.code === 'string' ? record.code : `http_${response.status}`;
  const message = typeof record.message === 'string' ? record.message : response.statusText || code;
  const field = typeof record.field === 'string' ? record.field : undefined;
  return new ApiError(response.status, code, message, field);
}

/** A typed client of the Tessera API; `fetchImpl` is injectable for tests. */
export function createApiClient(baseUrl = '/api', fetchImpl: Fetch = (...args) => fetch(...args)) {
  async function getJson<T>(path: string, signal?: AbortSignal): Promise<T> {
    const response = await fetchImpl(`${baseUrl}${path}`, {
      headers: { Accept: 'application/json' },
      credentials: 'same-origin',
      signal,
    });
    if (!response.ok) throw await toApiError(response);
    return (await response.json()) as T;
  }

  const site = (siteId: string) => `/sites/${encodeURIComponent(siteId)}`;

  return {
    listSites: (signal?: AbortSignal) => getJson<SiteSummary[]>('/sites', signal),
    getSite: (siteId: string, signal?: AbortSignal) => getJson<Site>(site(siteId), signal),
    listPhases: (siteId: string, signal?: AbortSignal) => getJson<Phase[]>(`${site(siteId)}/phases`, signal),
    listOrganisations: (signal?: AbortSignal) => getJson<Organisation[]>('/organisations', signal),
    listServices: (signal?: AbortSignal) => getJson<Service[]>('/services', signal),
    getParcels: (siteId: string, phase: number, signal?: AbortSignal) =>
      getJson<ParcelCollection>(`${site(siteId)}/parcels?phase=${phase}`, signal),
    getBuildings: (siteId: string, phase: number, signal?: AbortSignal) =>
      getJson<BuildingCollection>(`${site(siteId)}/buildings?phase=${phase}`, signal),
    getContext: (siteId: string, signal?: AbortSignal) =>
      getJson<ContextCollection>(`${site(siteId)}/context`, signal),
    getAnalysis: (siteId: string, phase: number, service: string, signal?: AbortSignal) =>
      getJson<SiteAnalysis>(`${site(siteId)}/analysis?phase=${phase}&service=${encodeURIComponent(service)}`, signal),
  };
}

export type ApiClient = ReturnType<typeof createApiClient>;

/** The client of the app's own origin. */
export const api = createApiClient();
