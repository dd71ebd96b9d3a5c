import { describe, expect, it } from 'vitest';
import { checkParcelForm, emptyParcelForm, fieldOfPath, type ParcelFormValues } from '../../../web/src/domain/parcel-form.js';

const organisationId = '7b1d8a4e-2f0c-4d1a-9a53-3c0e6f2b9d11';
const square = { type: 'Polygon', coordinates: [[[2.48, 48.898], [2.4802, 48.898], [2.4802, 48.8982], [2.48, 48.8982], [2.48, 48.898]]] };
const filled: ParcelFormValues = Object.freeze({ ...emptyParcelForm(0, 'nettoiement'), organisationId, label: '  Placette  ' });

describe('checkParcelForm', () => {
  it('returns the properties to send, blank texts as null, and the geometry as a MultiPolygon', () => {
    const checked = checkParcelForm(filled, square, { minArea: 1 });
    expect(checked).toMatchObject({
      valid: true,
      properties: { organisationId, services: ['nettoiement'], label: 'Placette', agreementRef: null, notes: null, ownerId: null, fromPhase: 0, toPhase: null },
      geometry: { type: 'MultiPolygon' },
    });
  });

  it('maps each zod issue to its field', () => {
    const checked = checkParcelForm({ ...filled, organisationId: '', services: [], fromPhase: 2, toPhase: 1 }, square);
    expect(checked.valid).toBe(false);
    if (checked.valid) return;
    expect(Object.keys(checked.errors).sort()).toEqual(['organisationId', 'services', 'toPhase']);
    expect(checked.errors.toPhase?.code).toBe('invalid_toPhase');
  });

  it('reports a faulty geometry under `geometry` with validateAreaGeometry’s reason', () => {
    const bowTie = { type: 'Polygon', coordinates: [[[2.48, 48.898], [2.4802, 48.8982], [2.4802, 48.898], [2.48, 48.8982], [2.48, 48.898]]] };
    const checked = checkParcelForm(filled, bowTie);
    expect(checked.valid).toBe(false);
    if (!checked.valid) expect(checked.errors.geometry?.code).toBe('self_intersection');
  });
});

describe('fieldOfPath', () => {
  it('reads the server’s `field` and zod paths', () => {
    expect(fieldOfPath('properties.organisationId')).toBe('organisationId');
    expect(fieldOfPath('properties.services.0')).toBe('services');
    expect(fieldOfPath('geometry.coordinates.0.1')).toBe('geometry');
    expect(fieldOfPath('body.properties.label')).toBe('label');
    expect(fieldOfPath('toPhase')).toBe('toPhase');
    expect(fieldOfPath('headers.if-match')).toBeNull();
  });
});
