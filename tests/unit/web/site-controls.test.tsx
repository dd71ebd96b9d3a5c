// @vitest-environment jsdom
import { act } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_SERVICES } from '../../../core/index.js';
import { Legend } from '../../../web/src/components/Legend.js';
import { ServiceFilter } from '../../../web/src/components/ServiceFilter.js';
import { render } from './render-component.js';

describe('Legend', () => {
  it('is a region named "Légende" listing each organisation with its colour', () => {
    const container = render(
      <Legend entries={[{ organisationId: 'a', name: 'Ville de Démo', colour: '#1f78b4' }, { organisationId: 'b', name: null, colour: '#9e9e9e' }]} />,
    );
    const region = container.querySelector('section[aria-label="Légende"]');
    expect(region).not.toBeNull();
    expect([...region!.querySelectorAll('li')].map((item) => item.textContent)).toEqual(['Ville de Démo', 'Gestionnaire inconnu']);
    expect((region!.querySelector('.legend__swatch') as HTMLElement).style.backgroundColor).toBe('rgb(31, 120, 180)');
  });
});

describe('ServiceFilter', () => {
  it('offers "Tous les services" then each service, and reports the choice', () => {
    const onChange = vi.fn();
    const container = render(<ServiceFilter services={[...DEFAULT_SERVICES]} value={null} onChange={onChange} />);
    const select = container.querySelector('select[aria-label="Service"]') as HTMLSelectElement;
    expect([...select.options].map((option) => option.text).slice(0, 3)).toEqual(['Tous les services', 'Nettoiement', 'Espaces verts']);
    act(() => {
      select.value = 'espaces_verts';
      select.dispatchEvent(new Event('change', { bubbles: true }));
    });
    expect(onChange).toHaveBeenLastCalledWith('espaces_verts');
    act(() => {
      select.value = '';
      select.dispatchEvent(new Event('change', { bubbles: true }));
    });
    expect(onChange).toHaveBeenLastCalledWith(null);
  });
});
