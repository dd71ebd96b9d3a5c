import type { SiteAccess, SiteRole } from '../auth/site-access.js';
import type { FeatureRules } from './check-features.js';

/**
 * SQL folders of the editable layers (`sql/queries/<name>/`): each has features, lock, insert, update
 * and delete queries; a layer that keeps a history also last-version and record-version.
 */
export type LayerName = 'parcels' | 'buildings' | 'operations';

/** An editable layer of a site: how its features are checked, who edits them, whether history is kept. */
export interface Layer<P> {
  name: LayerName;
  /** Singular noun for messages ("parcel"). */
  noun: string;
  rules: FeatureRules<P>;
  editors: readonly SiteRole[];
  /** The phases a feature touches, for roles limited to some phases. */
  phasesOf(properties: P): number[];
  /** Throws 403 when this access may not edit features of these phases. */
  assertMayEdit(access: SiteAccess, phases: number[]): void;
  /** Whether every version is kept (its last-version and record-version queries; the parcels' is parcel_versions). */
  history: boolean;
}

/** No restriction beyond the editor roles. */
export function anyPhase(): void {}
