import { buildingInputSchema, type BuildingInputProperties } from '../../core/index.js';
import { anyPhase, type Layer } from '../features/layer.js';

/** Building footprints (not outdoor space), edited by the project team and admins. */
export const buildingsLayer: Layer<BuildingInputProperties> = {
  name: 'buildings',
  noun: 'building',
  rules: {
    schema: buildingInputSchema,
    references: (properties) => [
      { kind: 'phase', field: 'fromPhase', value: properties.fromPhase },
      ...(properties.toPhase != null ? [{ kind: 'phase' as const, field: 'toPhase', value: properties.toPhase }] : []),
    ],
  },
  editors: ['admin', 'project'],
  phasesOf: (properties) => [properties.fromPhase],
  assertMayEdit: anyPhase,
  history: false,
};
