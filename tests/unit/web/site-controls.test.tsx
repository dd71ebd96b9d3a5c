// @vitest-environment jsdom
import { act } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_SERVICES } from '../../../core/index.js';
import { Legend } from '../../../web/src/components/Legend.js';
import { ServiceFilter } from '../../../web/src/components/ServiceFilter.js';
import { darkenColour } from '../../../web/src/map/darken-colour.js';
import { ANALYSIS_STYLES, BUILDING_STYLE, colourOverBackground, cssColour, PERIMETER_STYLE } from '../../../web/src/map/map-symbols.js';
import { render } from './render-component.js';

describe('Legend', () => {
  const entries = [{ organisationId: 'a', name: 'Ville de Démo', colour: '#1f78b4' }, { organisationId: 'b', name: null, colour: '#9e9e9e' }];
  const texts = (list: Element | null) => [...list!.querySelectorAll('li')].map((item) => item.textContent);

  it('is a region named "Légende" listing each organisation with its colour as the map shows it', () => {
    const container = render(<Legend entries={entries} allServices={false} />);
    const region = container.querySelector('section[aria-label="Légende"]');
    expect(region).not.toBeNull();
    expect(texts(region!.querySelector('ul[aria-label="Gestionnaires"]'))).toEqual(['Ville de Démo', 'Gestionnaire inconnu']);
    // A parcel of one service is its colour at 55 % over the map's ground: the swatch is that colour, outlined as the parcel is.
    const swatch = region!.querySelector('.legend__swatch') as HTMLElement;
    const rgb = (hex: string) => `rgb(${[1, 3, 5].map((start) => parseInt(hex.slice(start, start + 2), 16)).join(', ')})`;
    expect(swatch.style.backgroundColor).toBe(rgb(colourOverBackground('#1f78b4')));
    expect(swatch.style.borderColor).toBe(rgb(darkenColour('#1f78b4')));
  });

  it('explains every other symbol of the map, drawn with the map’s colours', () => {
    const container = render(<Legend entries={entries} allServices={false} />);
    const symbols = container.querySelector('ul[aria-label="Autres symboles de la carte"]');
    expect(texts(symbols)).toEqual([
      'Manque : personne ne gère', 'Chevauchement : plusieurs gestionnaires', 'Débord hors du périmètre',
      'Périmètre du site', 'Parcelle ou élément choisi', 'Bâtiment',
    ]);
    const svg = (index: number) => symbols!.querySelectorAll('li svg')[index]!.innerHTML;
    expect(svg(0)).toContain(cssColour(ANALYSIS_STYLES.gaps.colour));
    // deck.gl's 45° (y upwards) is SVG's −45° (y downwards): the lines run as on the map.
    expect(svg(0)).toMatch(/<pattern [^>]*rotate\(-45\)/);
    // Overlaps are cross-hatched: two patterns.
    expect(svg(1).match(/<pattern /g)).toHaveLength(2);
    expect(svg(2)).toContain(cssColour(ANALYSIS_STYLES.overflow.colour));
    expect(svg(3)).toContain(`stroke="${PERIMETER_STYLE.colour}"`);
    expect(svg(3)).toContain('stroke-dasharray="7.5 5"');
    expect(svg(5)).toContain(`fill="${BUILDING_STYLE.fill}"`);
    // Each swatch's hatching refers to its own pattern.
    for (const item of symbols!.querySelectorAll('li svg')) {
      for (const reference of item.innerHTML.matchAll(/url\(#([^)]+)\)/g)) expect(item.querySelector(`pattern[id="${reference[1]}"]`)).not.toBeNull();
    }
  });

  it('with every service, leaves out the analysis (not drawn) and says how stacked parcels are drawn', () => {
    const container = render(<Legend entries={entries} allServices />);
    expect(texts(container.querySelector('ul[aria-label="Autres symboles de la carte"]'))).toEqual(['Périmètre du site', 'Parcelle ou élément choisi', 'Bâtiment']);
    expect(container.querySelector('.legend__note')?.textContent).toMatch(/^Tous les services : les parcelles se superposent/);
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
