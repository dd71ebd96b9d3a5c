import { isAliveAt } from '../schemas/phase.schema.js';
import type { AnalysisParcel } from './analysis-input.js';

/** Whether a parcel is alive at a phase and covers a service. @example coversAt(parcel, 0, 'nettoiement') */
export function coversAt(parcel: AnalysisParcel, phase: number, service: string): boolean {
  return isAliveAt(parcel.properties, phase) && parcel.properties.services.includes(service);
}
