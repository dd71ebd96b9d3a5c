import type { FeatureCollection, MultiPolygon } from '../schemas/geojson.schema.js';

/**
 * How a renewal phase changes one service (docs/analysis.md, "Comparing two phases"), from phase `fromPhase` to `toPhase`.
 * The domain is the site's perimeter. At each phase a point is managed by every organisation with a
 * parcel covering the service there, within the outdoor space; a point nobody manages (a gap, or under
 * a building) belongs to "nobody" (`null`). A point managed by two organisations counts for both.
 */
export interface PhaseComparison {
  fromPhase: number;
  toPhase: number;
  service: string;
  /** One row per organisation present at either phase, plus `null` for nobody; areas in m². */
  organisations: OrganisationChange[];
  /** The transfer matrix, sparse: area managed by `from` at fromPhase and by `to` at toPhase (`from` may equal `to`). */
  transfers: Transfer[];
  /** Sum of the organisations' cost changes (€/year); null when no unit cost is known. */
  yearlyCostChange: number | null;
  /** Where each organisation gains (properties: organisationId, area). */
  gained: FeatureCollection<MultiPolygon, { organisationId: string | null; area: number }>;
  /** Where each organisation loses. */
  lost: FeatureCollection<MultiPolygon, { organisationId: string | null; area: number }>;
}

export interface OrganisationChange {
  organisationId: string | null;
  areaFrom: number;
  areaTo: number;
  gainedArea: number;
  lostArea: number;
  /** €/year at each phase and the change; null when no unit cost applies. */
  costFrom: number | null;
  costTo: number | null;
  costChange: number | null;
}

export interface Transfer {
  from: string | null;
  to: string | null;
  area: number;
}

/** Unit costs of one service in €/m²/year: a default, and optionally one per organisation. */
export interface UnitCosts {
  default: number | null;
  byOrganisation: Record<string, number>;
}

/** Who manages a point at a phase: per service, the parcels covering it (several = an overlap). */
export interface WhoManages {
  phase: number;
  point: [number, number];
  /** Whether the point is inside the site and outside every building alive at the phase. */
  outdoor: boolean;
  services: Array<{ service: string; parcels: Array<{ parcelId: string; organisationId: string }> }>;
}
