import { describe, expect, it } from 'vitest';
import { organisationSchema, phaseSchema, serviceCodeSchema } from '../../../core/index.js';

describe('domain schemas', () => {
  const organisation = {
    id: '5b0e5f2e-8f0e-4d43-9a51-3c6f8c1d2a10',
    name: 'Ville de Bondy',
    shortName: 'Ville',
    kind: 'ville',
    colour: '#1b9e77',
    parentId: null,
    contact: null,
  };

  it('accept a well-formed organisation', () => {
    expect(organisationSchema.parse(organisation)).toEqual(organisation);
  });

  it('reject unknown fields rather than dropping them', () => {
    const result = organisationSchema.safeParse({ ...organisation, extra: 1 });
    expect(result.success).toBe(false);
  });

  it('reject an unknown organisation kind and a malformed colour, naming the field', () => {
    const kind = organisationSchema.safeParse({ ...organisation, kind: 'mairie' });
    expect(kind.error?.issues[0]?.path).toEqual(['kind']);
    const colour = organisationSchema.safeParse({ ...organisation, colour: 'green' });
    expect(colour.error?.issues[0]?.path).toEqual(['colour']);
  });

  it('accept service codes in snake case only', () => {
    expect(serviceCodeSchema.safeParse('espaces_verts').success).toBe(true);
    expect(serviceCodeSchema.safeParse('Espaces verts').success).toBe(false);
  });

  it('check phase kinds and dates', () => {
    expect(phaseSchema.safeParse({ ordinal: 0, name: 'État actuel', kind: 'existant', startsOn: null, endsOn: null }).success).toBe(true);
    expect(phaseSchema.safeParse({ ordinal: 1, name: 'Travaux', kind: 'travaux', startsOn: null, endsOn: null }).success).toBe(false);
    expect(phaseSchema.safeParse({ ordinal: 1, name: 'Travaux', kind: 'transitoire', startsOn: '31/03/2027', endsOn: null }).success).toBe(false);
  });
});
