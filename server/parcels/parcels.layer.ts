import { parcelInputSchema, type ParcelInputProperties } from '../../core/index.js';
import { phaseRangeReferences } from '../features/check-features.js';
import type { Layer } from '../features/layer.js';
import { ERROR_CODES, HttpError } from '../http/errors.js';

/** Responsibility parcels: coordinators edit them all, the project team those of phases ≥ 1. */
export const parcelsLayer: Layer<ParcelInputProperties> = {
  name: 'parcels',
  noun: 'parcel',
  rules: {
    schema: parcelInputSchema,
    references: (properties) => [
      { kind: 'organisation', field: 'organisationId', value: properties.organisationId },
      ...(properties.ownerId ? [{ kind: 'organisation' as const, field: 'ownerId', value: properties.ownerId }] : []),
      ...properties.services.map((code) => ({ kind: 'service' as const, field: 'services', value: code })),
      ...phaseRangeReferences(properties),
    ],
  },
  editors: ['admin', 'coordinator', 'project'],
  phasesOf: (properties) => [properties.fromPhase],
  assertMayEdit(access, phases) {
    if (access.role === 'project' && phases.some((phase) => phase < 1)) {
      throw new HttpError(403, ERROR_CODES.forbidden, 'the project team edits parcels of phases 1 and later only', 'properties.fromPhase');
    }
  },
  history: true,
};
