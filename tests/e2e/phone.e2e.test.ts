import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MultiPolygon } from '../../core/index.js';
import { areaOf } from '../support/parcel-geometry.js';
import { launchBrowser, PHONE, SMALL_PHONE, TesseraUser, type Screen } from './driver.js';

interface StoredParcel { id: string; geometry: MultiPolygon; properties: { label: string | null; services: string[]; fromPhase: number } }

/** The demo's engineered gap (data/demo): about 579 m², nobody cleans it. */
const DEMO_GAP = /^Personne — 5\d\d m²$/;

/** What every phone screen must give: the whole width without scrolling sideways, most of the height to the map, finger-sized controls. */
async function expectPhoneLayout(user: TesseraUser, screen: Screen): Promise<void> {
  const layout = await user.layout();
  expect(layout.viewportWidth).toBe(screen.width);
  expect(layout.scrollWidth).toBeLessThanOrEqual(layout.viewportWidth);
  expect(layout.mapHeight).toBeGreaterThanOrEqual(0.55 * layout.viewportHeight - 0.5);
  expect(await user.smallTapTargets()).toEqual([]);
}

describe('on a phone (390 × 844, touch), a viewer finds who manages a spot and a coordinator fills the demo gap with taps', () => {
  let browser: Browser;
  let user: TesseraUser;
  let siteId: string;
  let createdId: string | undefined;

  beforeAll(async () => {
    browser = await launchBrowser();
    ({ user, siteId } = await TesseraUser.onDemoSite(browser, undefined, PHONE));
  });

  afterAll(async () => {
    // Other e2e files expect the demo's one gap and one overlap: the undo gave it back, this makes sure of it.
    if (createdId) await user.deleteParcelIfPresent(createdId);
    await user.expectDemoDefectsBack(siteId);
    await browser.close();
  });

  it('fits the screen: no sideways scroll, the map keeps 55 % of the height, "Se connecter" in view, every control finger-sized', async () => {
    expect(await user.hasCoarsePointer()).toBe(true);
    await expectPhoneLayout(user, PHONE);
    expect(await user.isOnScreen('button', 'Se connecter')).toBe(true);
    expect(await user.isOnScreen('button', 'Menu')).toBe(true);
    expect(await user.isOnScreen('combobox', 'Service')).toBe(true);
    await user.screenshot('phone-start');

    // The sheet collapses to its handle (the map takes the height) and opens again.
    expect(await user.panelOpen()).toBe(true);
    const open = await user.layout();
    await user.tapPanelHandle();
    expect(await user.panelOpen()).toBe(false);
    expect((await user.layout()).mapHeight).toBeGreaterThan(open.mapHeight + 150);
    expect(await user.isOnScreen('combobox', 'Service')).toBe(false);
    await user.screenshot('phone-panel-collapsed');
    await user.tapPanelHandle();
    expect(await user.panelOpen()).toBe(true);
    expect(await user.isOnScreen('combobox', 'Service')).toBe(true);
    expect(user.errors).toEqual([]);
  });

  it('taps a parcel on the map: the panel opens on who manages it', async () => {
    const parcels = (await user.callApi<{ features: StoredParcel[] }>('GET', `/api/sites/${siteId}/parcels?phase=0`)).body.features;
    const overlapping = await user.overlappingParcelIds(siteId);
    // A labelled cleaning parcel of one piece, of a size a finger hits easily, never one in an overlap; the same one at every run.
    const target = parcels.filter((parcel) => parcel.properties.fromPhase === 0 && parcel.properties.services.includes('nettoiement') && parcel.properties.label
      && parcel.geometry.coordinates.length === 1 && !overlapping.has(parcel.id) && areaOf(parcel.geometry) > 1000 && areaOf(parcel.geometry) < 8000)
      .sort((a, b) => areaOf(a.geometry) - areaOf(b.geometry))[0]!;
    await user.tapPanelHandle();
    expect(await user.panelOpen()).toBe(false);
    await user.tapParcel(target.geometry, 18);
    // The collapsed sheet opened by itself to show the parcel.
    expect(await user.panelOpen()).toBe(true);
    expect(await user.selectedParcelLabel()).toBe(target.properties.label);
    expect(await user.isShownInPanel('Parcelle de gestion')).toBe(true);
    await user.screenshot('phone-parcel');
    await user.tap('button', 'Fermer');
    expect(await user.selectedParcelLabel()).toBeNull();
    expect(user.errors).toEqual([]);
  });

  it('signs in with taps; the user menu is in view and finger-sized', async () => {
    await user.signInWithTaps('coordination@tessera.demo');
    await user.openUserMenu();
    expect(await user.isOnScreen('button', 'Se déconnecter')).toBe(true);
    await expectPhoneLayout(user, PHONE);
    await user.screenshot('phone-user-menu');
    // A tap elsewhere closes it.
    await user.tapPanelHandle();
    await user.tapPanelHandle();
    expect(await user.seesButton('Se déconnecter')).toBe(false);
    expect(user.errors).toEqual([]);
  });

  it('reads the analysis, and the drawing hint speaks of taps', async () => {
    expect(await user.analysisSummary()).toMatch(/^\d{2},\d\s%\scouvert — 1 manque\(s\) \(5\d\d\sm²\), 1 chevauchement\(s\)/);
    await user.tap('button', 'Dessiner une parcelle');
    expect(await user.editorHints()).toEqual(['Touchez la carte à chaque sommet ; touchez le premier sommet pour fermer. « Annuler » abandonne.']);
    await user.screenshot('phone-drawing');
    await user.tap('button', 'Annuler');
    expect(await user.seesButton('Dessiner une parcelle')).toBe(true);
    expect(user.errors).toEqual([]);
  });

  it('fills the demo gap from the analysis with taps, then undoes it with a tap', async () => {
    const parcelsBefore = (await user.callApi<{ features: StoredParcel[] }>('GET', `/api/sites/${siteId}/parcels?phase=0`)).body.features;
    const gapLabel = await user.waitForFinding('Liste des manques', (gap) => DEMO_GAP.test(gap));
    await user.fillGap(gapLabel, 'tap');
    // The form opens above the button that asked for it: it is brought into view, with a hint for fingers.
    expect(await user.isShownInPanel('Nouvelle parcelle')).toBe(true);
    expect((await user.editorHints())[0]).toMatch(/^Faites glisser un sommet pour le déplacer, touchez un point milieu/);
    expect(await user.parcelFormValues()).toEqual({ organisation: 'Ville › Propreté urbaine', services: ['Nettoiement'] });
    await expectPhoneLayout(user, PHONE);
    await user.screenshot('phone-gap-form');
    await user.save('tap');

    const parcelsAfter = (await user.callApi<{ features: StoredParcel[] }>('GET', `/api/sites/${siteId}/parcels?phase=0`)).body.features;
    const created = parcelsAfter.filter((parcel) => !parcelsBefore.some((before) => before.id === parcel.id));
    expect(created).toHaveLength(1);
    createdId = created[0]!.id;
    await expect.poll(() => user.findings('Liste des manques'), { timeout: 60_000 }).toEqual([]);
    await user.screenshot('phone-gap-filled');

    await user.tapHistoryButton('undo');
    await expect.poll(() => user.findings('Liste des manques'), { timeout: 60_000 }).toEqual([gapLabel]);
    expect((await user.callApi('GET', `/api/parcels/${createdId}`)).status).toBe(404);
    await user.screenshot('phone-gap-undone');
    expect(user.errors).toEqual([]);
  });
});

describe('on a small phone (360 × 740, touch)', () => {
  let browser: Browser;
  let user: TesseraUser;

  beforeAll(async () => {
    browser = await launchBrowser();
    ({ user } = await TesseraUser.onDemoSite(browser, undefined, SMALL_PHONE));
  });
  afterAll(() => browser.close());

  it('fits the screen, signed out and signed in, with the sign-in, the user menu, the phase and the service in view', async () => {
    await expectPhoneLayout(user, SMALL_PHONE);
    expect(await user.isOnScreen('button', 'Se connecter')).toBe(true);
    await user.signInWithTaps('coordination@tessera.demo');
    await expectPhoneLayout(user, SMALL_PHONE);
    for (const control of ['Phase', 'Service']) expect(await user.isOnScreen('combobox', control)).toBe(true);
    await user.openUserMenu();
    expect(await user.isOnScreen('button', 'Se déconnecter')).toBe(true);
    await user.screenshot('small-phone-user-menu');
    // "À propos" and the language are behind "Menu".
    await user.tap('button', 'Menu');
    expect(await user.isOnScreen('button', 'À propos')).toBe(true);
    expect(await user.isOnScreen('button', 'Switch to English')).toBe(true);
    await expectPhoneLayout(user, SMALL_PHONE);
    await user.screenshot('small-phone-menu');
    expect(user.errors).toEqual([]);
  });
});
