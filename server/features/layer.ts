import type { SiteAccess, SiteRole } from '../auth/site-access.js';
import type { FeatureRules } from './check-features.js';

/** SQL folders of the editable layers: each has feature, lock, insert, update and delete queries. */
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
  /** Whether every version is kept (parcel_versions). */
  history: boolean;
}

/** No restriction beyond the editor roles. */
export function anyPhase(): void {}
