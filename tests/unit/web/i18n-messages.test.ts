import { describe, expect, it } from 'vitest';
import en from '../../../web/src/i18n/en.json';
import fr from '../../../web/src/i18n/fr.json';

function keys(messages: object, prefix = ''): string[] {
  return Object.entries(messages).flatMap(([key, value]) =>
    typeof value === 'object' && value !== null ? keys(value, `${prefix}${key}.`) : [`${prefix}${key}`],
  );
}

describe('messages', () => {
  it('has the same keys in French and English', () => {
    expect(keys(en).sort()).toEqual(keys(fr).sort());
  });

  it('gives the accessible names end-to-end tests look for, in French', () => {
    expect(fr.filter.service).toBe('Service');
    expect(fr.filter.phase).toBe('Phase');
    expect(fr.legend.label).toBe('Légende');
    expect(fr.filter.allServices).toBe('Tous les services');
  });

  it('states the sources and licences of the geography', () => {
    expect(fr.about.geography).toMatch(/DGFiP \/ Etalab, Licence Ouverte/);
    expect(fr.about.geography).toMatch(/contributeurs OpenStreetMap, ODbL/);
    expect(fr.about.scenario).toMatch(/scénario d'illustration/);
  });
});
