import { operationInputSchema, type OperationInputProperties } from '../../core/index.js';
import { anyPhase, type Layer } from '../features/layer.js';

/** Renewal works operations (demolition, residentialisation…), edited by the project team and admins. */
export const operationsLayer: Layer<OperationInputProperties> = {
  name: 'operations',
  noun: 'operation',
  rules: {
    schema: operationInputSchema,
    references: (properties) => [
      { kind: 'phase', field: 'phase', value: properties.phase },
      ...(properties.clientId ? [{ kind: 'organisation' as const, field: 'clientId', value: properties.clientId }] : []),
    ],
  },
  editors: ['admin', 'project'],
  phasesOf: (properties) => [properties.phase],
  assertMayEdit: anyPhase,
  history: false,
};
