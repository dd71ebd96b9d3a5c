import { buildingInputSchema, type BuildingInputProperties } from '../../core/index.js';
import { phaseRangeReferences } from '../features/check-features.js';
import { anyPhase, type Layer } from '../features/layer.js';

/** Building footprints (not outdoor space), edited by the project team and admins. */
export const buildingsLayer: Layer<BuildingInputProperties> = {
  name: 'buildings',
  noun: 'building',
  rules: {
    schema: buildingInputSchema,
    references: phaseRangeReferences,
  },
  editors: ['admin', 'project'],
  phasesOf: (properties) => [properties.fromPhase],
  assertMayEdit: anyPhase,
  history: false,
};
