import { isAliveAt } from '../schemas/phase.schema.js';
import type { AnalysisBuilding } from './analysis-input.js';

/** The buildings standing at a phase. @example selectBuildings(input.buildings, 1) */
export function selectBuildings<B extends AnalysisBuilding>(buildings: readonly B[], phase: number): B[] {
  return buildings.filter((building) => isAliveAt(building.properties, phase));
}
