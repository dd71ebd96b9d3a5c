import { describe, expect, it } from 'vitest';
import { emptyParcelForm, gapFillForm } from '../../../web/src/domain/parcel-form.js';
import { organisations } from './fixtures.js';

const cityCleaning = { ...organisations[0]!, id: '00000000-0000-4000-8000-000000000009', name: 'Ville › Propreté urbaine', shortName: 'Propreté' };

describe('gapFillForm', () => {
  it('ticks the shown service and offers the city’s cleaning service for a cleaning gap', () => {
    expect(gapFillForm(0, 'nettoiement', [...organisations, cityCleaning])).toEqual({ ...emptyParcelForm(0, 'nettoiement'), organisationId: cityCleaning.id });
  });

  it('leaves the organisation to the user for another service, or when no organisation is named Propreté', () => {
    expect(gapFillForm(1, 'espaces_verts', [...organisations, cityCleaning])).toEqual(emptyParcelForm(1, 'espaces_verts'));
    expect(gapFillForm(0, 'nettoiement', organisations)).toEqual(emptyParcelForm(0, 'nettoiement'));
  });
});
