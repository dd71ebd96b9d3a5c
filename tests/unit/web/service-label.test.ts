import { describe, expect, it } from 'vitest';
import { DEFAULT_SERVICES } from '../../../core/index.js';
import { serviceLabel, serviceLabels } from '../../../web/src/domain/service-label.js';

describe('serviceLabel', () => {
  it('speaks French unless the language is English', () => {
    const cleaning = DEFAULT_SERVICES[0];
    expect(serviceLabel(cleaning, 'fr')).toBe('Nettoiement');
    expect(serviceLabel(cleaning, 'en-GB')).toBe('Cleaning');
    expect(serviceLabel(cleaning, 'de')).toBe('Nettoiement');
  });

  it('shows an unknown code as is', () => {
    expect(serviceLabels(['espaces_verts', 'arrosage'], [...DEFAULT_SERVICES], 'fr')).toEqual(['Espaces verts', 'arrosage']);
  });
});
