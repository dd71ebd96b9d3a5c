import type { AnalysisParcel } from './analysis-input.js';
import { coversAt } from './covers-at.js';

/** The parcels alive at a phase that cover a service, in input order. @example selectParcels(input.parcels, 0, 'nettoiement') */
export function selectParcels<P extends AnalysisParcel>(parcels: readonly P[], phase: number, service: string): P[] {
  return parcels.filter((parcel) => coversAt(parcel, phase, service));
}
