// @vitest-environment jsdom
import { act } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { geodesicArea, type MultiPolygon, type Organisation } from '../../../core/index.js';
import { PARCEL_LIST_LIMIT, PARCEL_LIST_OPEN_UP_TO, ParcelList } from '../../../web/src/components/ParcelList.js';
import type { Parcel } from '../../../web/src/domain/filter-parcels.js';
import { formatArea } from '../../../web/src/domain/format-figures.js';
import { colourOverBackground } from '../../../web/src/map/map-symbols.js';
import { render, rerender } from './render-component.js';
import { deepFreeze } from '../../support/deep-freeze.js';

// The list must not sort or change what the page gives it: its inputs are frozen (deepFreeze), a change fails loudly.

const CITY = '10000000-0000-4000-8000-000000000001';
const LANDLORD = '10000000-0000-4000-8000-000000000002';
const organisation = (id: string, name: string, shortName: string, colour: string): Organisation =>
  ({ id, name, shortName, kind: 'ville', colour, parentId: null, contact: null });
const organisations = deepFreeze([
  organisation(CITY, 'Ville › Propreté urbaine', 'Propreté', '#1f78b4'),
  organisation(LANDLORD, 'Office HLM (bailleur)', 'Bailleur', '#e31a1c'),
]);

/** A square parcel `size` degrees wide, its corner `index` thousandths of a degree east of the others. */
function square(index: number, size = 0.0002): MultiPolygon {
  const [west, south] = [2.48 + index * 0.001, 48.9];
  return { type: 'MultiPolygon', coordinates: [[[[west, south], [west + size, south], [west + size, south + size], [west, south + size], [west, south]]]] };
}
function parcel(id: string, organisationId: string, label: string | null, agreementRef: string | null = null, index = 0): Parcel {
  return {
    type: 'Feature',
    id,
    geometry: square(index),
    properties: {
      organisationId, services: ['nettoiement'], ownerId: null, label, agreementRef, notes: null,
      fromPhase: 0, toPhase: null, version: 1, updatedAt: '2025-01-01T00:00:00Z', updatedBy: null,
    },
  };
}
const demoParcels = deepFreeze([
  parcel('p-cours', CITY, 'Cours de la République — chaussée', null, 1),
  parcel('p-avenue', CITY, 'Avenue de la République — chaussée', null, 2),
  parcel('p-lot10', LANDLORD, 'Lot 10', 'Convention GUP 2024, annexe 2', 3),
  parcel('p-lot2', LANDLORD, 'Lot 2', null, 4),
  parcel('p-unnamed', LANDLORD, null, null, 5),
]);

const hexToRgb = (hex: string) => `rgb(${[1, 3, 5].map((start) => parseInt(hex.slice(start, start + 2), 16)).join(', ')})`;
const toggle = (container: HTMLElement) => container.querySelector('h2 button') as HTMLButtonElement;
const click = (element: HTMLElement) => act(() => element.click());
const search = (container: HTMLElement) => container.querySelector('input[type="search"]') as HTMLInputElement;
const items = (container: HTMLElement) => [...container.querySelectorAll<HTMLButtonElement>('.parcel-list__item')];
const names = (container: HTMLElement) => items(container).map((item) => item.querySelector('.parcel-list__name')!.textContent);
function type(container: HTMLElement, text: string) {
  const input = search(container);
  act(() => {
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(input, text);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}
function press(target: Element, key: string) {
  act(() => {
    target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
  });
}

/** Waits until the list shows areas: their code (GeographicLib) is fetched when the list first shows items. */
const areasShown = (container: HTMLElement) =>
  vi.waitFor(async () => {
    await act(async () => {});
    expect(container.querySelector('.parcel-list__area')).not.toBeNull();
  });

describe('ParcelList', () => {
  it('lists the parcels by name then organisation, each with its organisation, colour and area', async () => {
    const container = render(<ParcelList parcels={demoParcels} organisations={organisations} selectedIds={[]} onActivate={() => {}} />);
    expect(container.querySelector('section[aria-label="Liste des parcelles"] h2')?.textContent).toBe('Parcelles');
    expect(toggle(container).getAttribute('aria-expanded')).toBe('true');
    expect(container.querySelector('label')?.textContent).toBe('Rechercher une parcelle');
    // Numbers in labels sort as numbers; a parcel without a label goes by its organisation's short name.
    expect(names(container)).toEqual(['Avenue de la République — chaussée', 'Bailleur', 'Cours de la République — chaussée', 'Lot 2', 'Lot 10']);
    const first = items(container)[0]!;
    expect(first.querySelector('.parcel-list__organisation')?.textContent).toBe('Ville › Propreté urbaine');
    // As the legend and the map show it: the colour at the map's opacity over its ground.
    expect((first.querySelector('.legend__swatch') as HTMLElement).style.backgroundColor).toBe(hexToRgb(colourOverBackground('#1f78b4')));
    await areasShown(container);
    expect(first.querySelector('.parcel-list__area')?.textContent).toBe(formatArea(geodesicArea(square(2)), 'fr'));
    expect(first.querySelector('.parcel-list__area')?.textContent).toMatch(/^\d[\d\s\u202f]* m²$/);
    expect(container.querySelector('[role="status"]')?.textContent).toBe('5 parcelles');
  });

  it('finds parcels by label, organisation name or short name and agreement, whatever the case and accents', () => {
    const container = render(<ParcelList parcels={demoParcels} organisations={organisations} selectedIds={[]} onActivate={() => {}} />);
    type(container, 'REPUBLIQUE');
    expect(names(container)).toEqual(['Avenue de la République — chaussée', 'Cours de la République — chaussée']);
    type(container, 'republique  cours');
    expect(names(container)).toEqual(['Cours de la République — chaussée']);
    type(container, 'office hlm');
    expect(names(container)).toEqual(['Bailleur', 'Lot 2', 'Lot 10']);
    type(container, 'propreté');
    expect(names(container)).toHaveLength(2);
    type(container, 'gup 2024');
    expect(names(container)).toEqual(['Lot 10']);
    expect(container.querySelector('[role="status"]')?.textContent).toBe('1 parcelle');
    type(container, 'nowhere');
    expect(items(container)).toEqual([]);
    expect(container.querySelector('[role="status"]')?.textContent).toBe('Aucune parcelle ne correspond.');
    // Escape in the field empties it: every parcel again.
    press(search(container), 'Escape');
    expect(search(container).value).toBe('');
    expect(items(container)).toHaveLength(5);
  });

  it(`shows at most ${PARCEL_LIST_LIMIT} parcels and says how many more match`, () => {
    const many = deepFreeze(Array.from({ length: 5000 }, (_, index) => parcel(`p-${index}`, index % 2 ? CITY : LANDLORD, `Lot ${index + 1}`, null, index % 100)));
    const container = render(<ParcelList parcels={many} organisations={organisations} selectedIds={[]} onActivate={() => {}} />);
    click(toggle(container));
    expect(items(container)).toHaveLength(PARCEL_LIST_LIMIT);
    expect(names(container).slice(0, 3)).toEqual(['Lot 1', 'Lot 2', 'Lot 3']);
    expect(container.querySelector('[role="status"]')?.textContent).toBe('5000 parcelles');
    expect(container.querySelector('.parcel-list__more')?.textContent).toBe(`${5000 - PARCEL_LIST_LIMIT} autres : précisez la recherche`);
    type(container, 'lot 12');
    // Every word is looked for anywhere: Lot 12, 112, 120…129, 212, 1200…1299, 4120, …
    const matching = Array.from({ length: 5000 }, (_, index) => String(index + 1)).filter((number) => number.includes('12')).length;
    expect(items(container)).toHaveLength(PARCEL_LIST_LIMIT);
    expect(names(container).slice(0, 3)).toEqual(['Lot 12', 'Lot 112', 'Lot 120']);
    expect(container.querySelector('.parcel-list__more')?.textContent).toBe(`${matching - PARCEL_LIST_LIMIT} autres : précisez la recherche`);
    type(container, 'lot 4999');
    expect(names(container)).toEqual(['Lot 4999']);
    expect(container.querySelector('.parcel-list__more')).toBeNull();
  });

  it(`starts closed past ${PARCEL_LIST_OPEN_UP_TO} parcels; its heading's button, a search or ArrowDown opens it`, () => {
    const long = deepFreeze(Array.from({ length: PARCEL_LIST_OPEN_UP_TO + 1 }, (_, index) => parcel(`p-${index}`, CITY, `Lot ${index + 1}`, null, index)));
    const container = render(<ParcelList parcels={long} organisations={organisations} selectedIds={[]} onActivate={() => {}} />);
    const list = () => container.querySelector('ul');
    expect(toggle(container).getAttribute('aria-expanded')).toBe('false');
    expect(list()).toBeNull();
    // The search field and the count stay: the list is one tap or one keystroke away.
    expect(search(container)).not.toBeNull();
    expect(container.querySelector('[role="status"]')?.textContent).toBe(`${PARCEL_LIST_OPEN_UP_TO + 1} parcelles`);
    click(toggle(container));
    expect(toggle(container).getAttribute('aria-expanded')).toBe('true');
    expect(toggle(container).getAttribute('aria-controls')).toBe(list()!.id);
    expect(items(container)).toHaveLength(PARCEL_LIST_OPEN_UP_TO + 1);
    click(toggle(container));
    expect(list()).toBeNull();
    // ArrowDown in the search field opens it on its first item.
    search(container).focus();
    press(search(container), 'ArrowDown');
    expect(document.activeElement).toBe(items(container)[0]);
    click(toggle(container));
    // Typing opens it, and it stays open once the search is emptied (Escape): every parcel again.
    type(container, 'lot 9');
    expect(names(container)).toEqual(['Lot 9']);
    press(search(container), 'Escape');
    expect(items(container)).toHaveLength(PARCEL_LIST_OPEN_UP_TO + 1);
  });

  it('moves with the arrow keys from the search field through the items, with one Tab stop', () => {
    const container = render(<ParcelList parcels={demoParcels} organisations={organisations} selectedIds={[]} onActivate={() => {}} />);
    const tabStops = () => items(container).filter((item) => item.tabIndex === 0).map((item) => item.querySelector('.parcel-list__name')!.textContent);
    expect(tabStops()).toEqual(['Avenue de la République — chaussée']);
    search(container).focus();
    press(search(container), 'ArrowDown');
    expect(document.activeElement).toBe(items(container)[0]);
    press(document.activeElement!, 'ArrowDown');
    press(document.activeElement!, 'ArrowDown');
    expect(document.activeElement).toBe(items(container)[2]);
    expect(tabStops()).toEqual(['Cours de la République — chaussée']);
    press(document.activeElement!, 'End');
    expect(document.activeElement).toBe(items(container)[4]);
    press(document.activeElement!, 'ArrowDown');
    expect(document.activeElement).toBe(items(container)[4]);
    press(document.activeElement!, 'Home');
    expect(document.activeElement).toBe(items(container)[0]);
    press(document.activeElement!, 'ArrowUp');
    expect(document.activeElement).toBe(search(container));
  });

  it('activates an item as a click on the map would, and marks the selected parcels', () => {
    const onActivate = vi.fn();
    const container = render(<ParcelList parcels={demoParcels} organisations={organisations} selectedIds={[]} onActivate={onActivate} />);
    type(container, 'lot');
    search(container).focus();
    press(search(container), 'ArrowDown');
    press(document.activeElement!, 'ArrowDown');
    expect(document.activeElement?.textContent).toMatch(/^Lot 10 /);
    // Enter and Space on a button are a click in the browser (the end-to-end test presses them for real).
    act(() => (document.activeElement as HTMLButtonElement).click());
    expect(onActivate).toHaveBeenCalledTimes(1);
    expect(onActivate.mock.calls[0]![0].id).toBe('p-lot10');

    rerender(<ParcelList parcels={demoParcels} organisations={organisations} selectedIds={['p-lot2', 'p-lot10']} onActivate={onActivate} />);
    const marked = items(container).filter((item) => item.getAttribute('aria-current') === 'true');
    expect(marked.map((item) => item.querySelector('.parcel-list__name')!.textContent)).toEqual(['Lot 2', 'Lot 10']);
    expect(marked.every((item) => item.classList.contains('parcel-list__item--selected'))).toBe(true);
  });

  it('puts the Tab stop on the selected parcel, e.g. one clicked on the map', () => {
    const container = render(<ParcelList parcels={demoParcels} organisations={organisations} selectedIds={['p-lot10']} onActivate={() => {}} />);
    expect(items(container).filter((item) => item.tabIndex === 0).map((item) => item.querySelector('.parcel-list__name')!.textContent)).toEqual(['Lot 10']);
  });

  it('follows the saved parcels: a reshaped parcel shows its new area, a renamed one moves to its place', () => {
    const container = render(<ParcelList parcels={demoParcels} organisations={organisations} selectedIds={[]} onActivate={() => {}} />);
    const areaOf = (name: string) => items(container).find((item) => item.querySelector('.parcel-list__name')!.textContent === name)!.querySelector('.parcel-list__area')!.textContent;
    const larger: MultiPolygon = { type: 'MultiPolygon', coordinates: [[[[2.49, 48.9], [2.4905, 48.9], [2.4905, 48.9005], [2.49, 48.9005], [2.49, 48.9]]]] };
    // As the layers reload after a save: the same parcel with its attributes, another geometry.
    const redrawn = demoParcels.map((each) => (each.id === 'p-lot2' ? { ...each, geometry: larger } : each));
    rerender(<ParcelList parcels={redrawn} organisations={organisations} selectedIds={[]} onActivate={() => {}} />);
    expect(areaOf('Lot 2')).toBe(formatArea(geodesicArea(larger), 'fr'));
    expect(names(container)).toEqual(['Avenue de la République — chaussée', 'Bailleur', 'Cours de la République — chaussée', 'Lot 2', 'Lot 10']);
    const renamed = redrawn.map((each) => (each.id === 'p-lot2' ? { ...each, properties: { ...each.properties, label: 'Allée 2' } } : each));
    rerender(<ParcelList parcels={renamed} organisations={organisations} selectedIds={[]} onActivate={() => {}} />);
    expect(names(container)).toEqual(['Allée 2', 'Avenue de la République — chaussée', 'Bailleur', 'Cours de la République — chaussée', 'Lot 10']);
    expect(areaOf('Allée 2')).toBe(formatArea(geodesicArea(larger), 'fr'));
  });

  it('says it is loading until the parcels come', () => {
    const container = render(<ParcelList parcels={undefined} organisations={undefined} selectedIds={[]} onActivate={() => {}} />);
    expect(container.querySelector('[role="status"]')?.textContent).toBe('Chargement…');
    expect(items(container)).toEqual([]);
  });
});
