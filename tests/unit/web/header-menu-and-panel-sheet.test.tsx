// @vitest-environment jsdom
import { act } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { HeaderMenu } from '../../../web/src/components/HeaderMenu.js';
import { PanelSheet } from '../../../web/src/components/PanelSheet.js';
import { render, rerender } from './render-component.js';

const click = (element: Element) => act(() => (element as HTMLElement).click());
const dispatch = (target: EventTarget, event: Event) => act(() => void target.dispatchEvent(event));

describe('HeaderMenu', () => {
  const menu = (onItem = () => {}) => (
    <HeaderMenu label="Coordination" className="sign-in">
      {(close) => <button type="button" onClick={() => { onItem(); close(); }}>Se déconnecter</button>}
    </HeaderMenu>
  );

  it('opens under its button, and closes on Escape (focus back on the button), on a tap elsewhere and after its item ran', () => {
    const onItem = vi.fn();
    const container = render(<><p>ailleurs</p>{menu(onItem)}</>);
    const root = container.querySelector('.header-menu')!;
    const toggle = container.querySelector('button.header-menu__toggle')!;
    expect(toggle.getAttribute('aria-controls')).toBe(container.querySelector('.header-menu__panel')!.id);
    const isOpen = () => [root.getAttribute('data-open'), toggle.getAttribute('aria-expanded')];
    expect(isOpen()).toEqual(['false', 'false']);

    click(toggle);
    expect(isOpen()).toEqual(['true', 'true']);
    dispatch(document, new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(isOpen()).toEqual(['false', 'false']);
    expect(document.activeElement).toBe(toggle);

    click(toggle);
    // A tap inside the menu keeps it; one elsewhere closes it.
    dispatch(container.querySelector('.header-menu__panel')!, new Event('pointerdown', { bubbles: true }));
    expect(isOpen()).toEqual(['true', 'true']);
    dispatch(container.querySelector('p')!, new Event('pointerdown', { bubbles: true }));
    expect(isOpen()).toEqual(['false', 'false']);

    click(toggle);
    click(container.querySelector('.header-menu__panel button')!);
    expect(onItem).toHaveBeenCalledTimes(1);
    expect(isOpen()).toEqual(['false', 'false']);
  });
});

describe('PanelSheet', () => {
  it('collapses to its handle and opens again; a parcel picked on the map opens it', () => {
    const container = render(<PanelSheet label="Choix de l'affichage" reveal={null}><p>analyse</p></PanelSheet>);
    const sheet = container.querySelector('aside[aria-label="Choix de l\'affichage"]')!;
    const handle = container.querySelector('button.site__sheet-toggle')!;
    expect(handle.getAttribute('aria-controls')).toBe(container.querySelector('.site__panel-content')!.id);
    const state = () => [sheet.getAttribute('data-open'), handle.getAttribute('aria-expanded'), handle.textContent];
    expect(state()).toEqual(['true', 'true', 'Réduire le panneau']);
    click(handle);
    expect(state()).toEqual(['false', 'false', 'Afficher le panneau']);
    click(handle);
    expect(state()).toEqual(['true', 'true', 'Réduire le panneau']);

    click(handle);
    const content = container.querySelector('.site__panel-content') as HTMLElement;
    content.scrollTop = 300;
    const scrolledTo = vi.fn();
    content.scrollTo = scrolledTo as never;
    (document.activeElement as HTMLElement | null)?.blur();
    rerender(<PanelSheet label="Choix de l'affichage" reveal="parcel-1"><p>analyse</p></PanelSheet>);
    expect(state()[0]).toBe('true');
    // Picked on the map: the panel shows its top, where the parcel is.
    expect(scrolledTo).toHaveBeenCalledWith({ top: 0 });
    // Picked from inside the panel (the parcel list): the panel keeps its place.
    rerender(<PanelSheet label="Choix de l'affichage" reveal="parcel-1"><button type="button">Lot 2</button></PanelSheet>);
    act(() => content.querySelector('button')!.focus());
    rerender(<PanelSheet label="Choix de l'affichage" reveal="parcel-2"><button type="button">Lot 2</button></PanelSheet>);
    expect(scrolledTo).toHaveBeenCalledTimes(1);
    // Picking nothing (null) leaves it as the user set it.
    click(handle);
    rerender(<PanelSheet label="Choix de l'affichage" reveal={null}><p>analyse</p></PanelSheet>);
    expect(state()[0]).toBe('false');
  });
});
