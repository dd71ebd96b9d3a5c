import type {
  BuildingCollection,
  ContextCollection,
  Organisation,
  ParcelChangeRequest,
  ParcelChangeResults,
  ParcelCollection,
  ParcelFeature,
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
  /** The whole error body, e.g. `current` of a 409 version conflict. */
  readonly body: Record<string, unknown>;

  constructor(status: number, code: string, message: string, field?: string, body: Record<string, unknown> = {}) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.field = field;
    this.body = body;
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
  return new ApiError(response.status, code, message, field, record);
}

/** The signed-in user and their role on each site, as `GET /api/session` answers (null when anonymous). */
export interface SessionUser {
  id: string;
  email: string;
  displayName: string;
  roles: Array<{ siteId: string; siteName: string; role: 'admin' | 'coordinator' | 'project' | 'viewer' }>;
}

/** A parcel Feature as sent to the API (properties checked by parcelInputPropertiesSchema). */
export interface ParcelWrite {
  type: 'Feature';
  geometry: unknown;
  properties: Record<string, unknown>;
}

/** A change of an atomic set of parcel changes, and the answer (`core/schemas/parcel-changes.schema.ts`). */
export type { ParcelChangeRequest, ParcelChangeResults };

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

  async function send<T>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<T> {
    const response = await fetchImpl(`${baseUrl}${path}`, {
      method,
      headers: { Accept: 'application/json', ...(body === undefined ? {} : { 'Content-Type': 'application/json' }), ...headers },
      credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.ok) throw await toApiError(response);
    return (response.status === 204 ? undefined : await response.json()) as T;
  }
  const ifMatch = (version: number) => ({ 'If-Match': `"${version}"` });

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
    /** The signed-in user, or null when anonymous (the server answers 200 `null`, no error). */
    getSession: (signal?: AbortSignal) => getJson<SessionUser | null>('/session', signal),
    signIn: (email: string, password: string) => send<SessionUser>('POST', '/session', { email, password }),
    signOut: () => send<void>('DELETE', '/session'),
    createParcel: (siteId: string, parcel: ParcelWrite) => send<ParcelFeature>('POST', `${site(siteId)}/parcels`, parcel),
    updateParcel: (parcelId: string, version: number, patch: { geometry?: unknown; properties?: Record<string, unknown> }) =>
      send<ParcelFeature>('PATCH', `/parcels/${encodeURIComponent(parcelId)}`, patch, ifMatch(version)),
    /** Every version of a parcel, oldest first, with who made it. */
    getParcelHistory: (parcelId: string) =>
      getJson<Array<{ version: number; change: string; changedByName: string | null; feature: ParcelFeature }>>(`/parcels/${encodeURIComponent(parcelId)}/history`),
    deleteParcel: (parcelId: string, version: number) =>
      send<void>('DELETE', `/parcels/${encodeURIComponent(parcelId)}`, undefined, ifMatch(version)),
    /**
     * Gives a parcel the content of an old `version`, as a new version: re-creates it under its id when
     * deleted, else updates it (only if it is still at `expectedVersion`, when given).
     */
    restoreParcel: (parcelId: string, version: number, expectedVersion?: number) =>
      send<ParcelFeature>('POST', `/parcels/${encodeURIComponent(parcelId)}/restore`, { version }, expectedVersion === undefined ? {} : ifMatch(expectedVersion)),
    /**
     * Applies several parcel changes (create, update, delete, restore) at once, all or nothing: one
     * editor gesture. The results are the parcels as stored (null for a deletion), in the order of
     * `changes`; a refused change throws an ApiError whose body holds its `index` (and `current` for a 409).
     */
    applyParcelChanges: (siteId: string, changes: ParcelChangeRequest[], idempotencyKey?: string) =>
      send<ParcelChangeResults>('POST', `${site(siteId)}/parcels/changes`, { changes }, idempotencyKey === undefined ? {} : { 'Idempotency-Key': idempotencyKey }),
  };
}

export type ApiClient = ReturnType<typeof createApiClient>;

/** The client of the app's own origin. */
export const api = createApiClient();
