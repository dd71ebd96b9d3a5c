import type { Feature, FeatureCollection, MultiPolygon } from '../schemas/geojson.schema.js';

/**
 * The analysis of one site, phase and service (docs/analysis.md, "Definitions"), as both engines return it: the
 * browser's (core/analysis, Turf) and the server's (PostGIS, the reference). Areas are square
 * metres on the WGS84 ellipsoid; pieces under the site's tolerance are dropped.
 */
export interface SiteAnalysis {
  /** Area of the outdoor space O = perimeter − buildings alive at the phase. */
  outdoorArea: number;
  /** Sum of the gap pieces' areas. */
  gapArea: number;
  /** Sum of the pairwise overlap pieces' areas (a spot claimed three times counts in three pairs). */
  overlapArea: number;
  /** Sum of the overflow pieces' areas. */
  overflowArea: number;
  /** 1 − gapArea / outdoorArea (1 when there is no outdoor space). */
  coverage: number;
  gaps: FeatureCollection<MultiPolygon, GapProperties>;
  overlaps: FeatureCollection<MultiPolygon, OverlapProperties>;
  overflow: FeatureCollection<MultiPolygon, OverflowProperties>;
}

/** A piece of outdoor space that no parcel covering the service covers. */
export interface GapProperties {
  area: number;
}

/** Two parcels of different organisations (conflict) or the same one (duplicate) claiming one area. */
export type OverlapKind = 'conflict' | 'duplicate';

/** The intersection of two parcels covering the service, ids in ascending order. */
export interface OverlapProperties {
  area: number;
  kind: OverlapKind;
  parcelIds: [string, string];
  organisationIds: [string, string];
}

/** The part of a parcel outside the site's perimeter. */
export interface OverflowProperties {
  area: number;
  parcelId: string;
  organisationId: string;
}

export type GapFeature = Feature<MultiPolygon, GapProperties>;
export type OverlapFeature = Feature<MultiPolygon, OverlapProperties>;
export type OverflowFeature = Feature<MultiPolygon, OverflowProperties>;
