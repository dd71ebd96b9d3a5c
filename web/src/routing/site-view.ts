import { DEFAULT_SERVICES } from '../../../core/index.js';

/** Where the map looks: its centre as [longitude, latitude], and its zoom level. */
export interface MapCamera {
  center: [number, number];
  zoom: number;
}

/** What a site's page shows, as its URL says it: a link to it opens exactly this. */
export interface SiteView {
  phase: number;
  /** One service's code, or null for every service. */
  serviceCode: string | null;
  parcelId: string | null;
  /** Null: the whole site, fitted to the screen. */
  camera: MapCamera | null;
}

/** Like the coordinator's journey: one service at a time, cleaning first. */
export const DEFAULT_SERVICE_CODE = DEFAULT_SERVICES[0].code;
/** The `service` of "all services": no service code is written so (codes are lower-case words with underscores). */
export const ALL_SERVICES = 'all';
/** A site's page opened without a query. */
export const DEFAULT_SITE_VIEW: SiteView = { phase: 0, serviceCode: DEFAULT_SERVICE_CODE, parcelId: null, camera: null };

const PHASE_PATTERN = /^\d{1,4}$/;
const CODE_PATTERN = /^[a-z][a-z0-9_]{0,63}$/;
const PARCEL_ID_PATTERN = /^[\w-]{1,100}$/;
/** About 0.1 m: finer than a pixel at the map's deepest zoom, short enough for a link. */
const COORDINATE_DECIMALS = 6;
const ZOOM_DECIMALS = 2;
const MAX_ZOOM = 24;
const MAX_LATITUDE = 85.05;

/** The camera of a `map=zoom/latitude/longitude` value (as OpenStreetMap writes it), or null if it is not one. */
function parseCamera(value: string | null): MapCamera | null {
  const parts = value?.split('/') ?? [];
  if (parts.length !== 3 || parts.some((part) => !/^-?\d+(\.\d+)?$/.test(part))) return null;
  const [zoom, latitude, longitude] = parts.map(Number) as [number, number, number];
  if (zoom < 0 || zoom > MAX_ZOOM || Math.abs(latitude) > MAX_LATITUDE || Math.abs(longitude) > 180) return null;
  return { center: [longitude, latitude], zoom };
}

/** The `map` value of a camera, rounded as links carry it. */
export function formatCamera(camera: MapCamera): string {
  const [longitude, latitude] = camera.center;
  return `${camera.zoom.toFixed(ZOOM_DECIMALS)}/${latitude.toFixed(COORDINATE_DECIMALS)}/${longitude.toFixed(COORDINATE_DECIMALS)}`;
}

/** Reads a site page's query (`?phase=1&service=nettoiement&parcel=…&map=18.00/48.898/2.480`); what is missing or malformed takes its default. */
export function parseSiteView(search: string): SiteView {
  const query = new URLSearchParams(search);
  const phase = query.get('phase');
  const service = query.get('service');
  const parcel = query.get('parcel');
  return {
    phase: phase && PHASE_PATTERN.test(phase) ? Number(phase) : DEFAULT_SITE_VIEW.phase,
    serviceCode: service === ALL_SERVICES ? null : service && CODE_PATTERN.test(service) ? service : DEFAULT_SITE_VIEW.serviceCode,
    parcelId: parcel && PARCEL_ID_PATTERN.test(parcel) ? parcel : null,
    camera: parseCamera(query.get('map')),
  };
}

/** The query of a site's view, read back by parseSiteView; the whole site (no camera) and no selection are left out. */
export function formatSiteView(view: SiteView): string {
  const query = new URLSearchParams({ phase: String(view.phase), service: view.serviceCode ?? ALL_SERVICES });
  if (view.parcelId !== null) query.set('parcel', view.parcelId);
  if (view.camera) query.set('map', formatCamera(view.camera));
  // The slashes of `map` read better unescaped, and are allowed in a query.
  return `?${query.toString().replaceAll('%2F', '/')}`;
}

/** A view whose phase and service the site has: the others fall back to the default phase and service. */
export function resolveSiteView(view: SiteView, site: { phases: readonly number[]; serviceCodes: readonly string[] } | null): SiteView {
  if (!site) return view;
  const phase = site.phases.includes(view.phase) ? view.phase : DEFAULT_SITE_VIEW.phase;
  const serviceCode = view.serviceCode === null || site.serviceCodes.includes(view.serviceCode) ? view.serviceCode : DEFAULT_SITE_VIEW.serviceCode;
  return phase === view.phase && serviceCode === view.serviceCode ? view : { ...view, phase, serviceCode };
}
