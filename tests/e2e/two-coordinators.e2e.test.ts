import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MultiPolygon } from '../../core/index.js';
import { DEMO_GAP_ROUGH_OUTLINE, launchBrowser, TesseraUser } from './driver.js';

interface StoredParcel {
  id: string;
  geometry: MultiPolygon;
  properties: { label: string | null; agreementRef: string | null; version: number };
}

/** docs/live-feed.md: other editors' saves appear on open maps within 2 seconds. */
const DELIVERY_MS = 2000;
const EDIT_ZOOM = 19;
const LABEL = 'Placette Carnot (deux coordinations)';
const BATCH_PATH = /\/api\/sites\/[^/]+\/parcels\/changes$/;

describe("two coordinators on the demo site: each sees the other's saves, and concurrent edits lose nothing", () => {
  let browser: Browser;
  /** The city's coordinator. */
  let city: TesseraUser;
  /** The social landlord's coordinator, in a browser context of their own. */
  let landlord: TesseraUser;
  let siteId: string;
  let created: StoredParcel | undefined;

  beforeAll(async () => {
    browser = await launchBrowser();
    ({ user: city, siteId } = await TesseraUser.onDemoSite(browser, 'coordination@tessera.demo'));
    landlord = await TesseraUser.in(browser);
    await landlord.open('/');
    const signedInStream = landlord.nextChangeStream();
    await landlord.signIn('bailleur@tessera.demo');
    await signedInStream;
    await landlord.waitForMap();
  });

  afterAll(async () => {
    // Other e2e files read the same demo site: give it back as it was.
    if (created) await city.deleteParcelIfPresent(created.id);
    await city.expectDemoDefectsBack(siteId);
    await browser.close();
  });

  it("shows the parcel the city's coordinator draws on the landlord's open map within 2 s, saying who added it", async () => {
    const gapItem = await city.waitForFinding('Liste des manques', (item) => item.startsWith('Personne'));
    expect(await landlord.findings('Liste des manques')).toContain(gapItem);
    await city.focusFinding(gapItem);
    await city.drawPolygon(DEMO_GAP_ROUGH_OUTLINE);
    await city.fillParcelForm({ organisation: 'Ville › Propreté urbaine', services: ['Nettoiement'], label: LABEL });

    const before = await landlord.renderedParcelCount();
    const saved = city.page.waitForResponse((response) => BATCH_PATH.test(new URL(response.url()).pathname) && response.request().method() === 'POST', { timeout: 60_000 });
    const clickedAt = Date.now();
    await city.clickButton('Enregistrer');
    const response = await saved;
    const savedAt = Date.now();
    expect(response.status()).toBe(200);
    created = ((await response.json()) as { results: StoredParcel[] }).results[0]!;

    expect(await landlord.changeNotice(/a ajouté/, DELIVERY_MS)).toBe("Coordination GUP (démo) a ajouté 1 parcelle — à l'instant");
    const noticeMs = Date.now() - savedAt;
    const after = await landlord.waitForRenderedParcelCount((count) => count > before, 30_000);
    const mapMs = Date.now() - savedAt;
    console.log(`two coordinators: the save answered ${savedAt - clickedAt} ms after the click; on the other map, notice ${noticeMs} ms, parcel drawn ${mapMs} ms after the answer (rendered parcels ${before} → ${after})`);
    expect(after).toBe(before + 1);
    expect(mapMs).toBeLessThan(DELIVERY_MS);
    // The landlord's panel follows too: the gap is filled.
    await expect.poll(() => landlord.findings('Liste des manques'), { timeout: 30_000 }).not.toContain(gapItem);
    await landlord.screenshot('two-coordinators-new-parcel');
  });

  it('gives the second to save the conflict dialog, theirs beside mine; editing on top of theirs keeps both changes', async () => {
    // Both open the new parcel's form.
    await city.page.locator('form.editor__form').waitFor({ state: 'detached', timeout: 60_000 });
    await city.waitForMap();
    await city.selectParcel(created!.geometry, EDIT_ZOOM);
    await city.startEditingSelectedParcel();
    await landlord.selectParcel(created!.geometry, EDIT_ZOOM);
    await landlord.startEditingSelectedParcel();

    // The city records the agreement and saves first.
    await city.fillParcelForm({ organisation: 'Ville › Propreté urbaine', services: ['Nettoiement'], agreementRef: 'CONV-2026-11' });
    await city.save();
    // The landlord renames it meanwhile and saves second: refused, the dialog shows both versions.
    await landlord.fillParcelForm({ organisation: 'Ville › Propreté urbaine', services: ['Nettoiement'], label: 'Placette Carnot — entrée bailleur' });
    await landlord.clickButton('Enregistrer');
    expect(await landlord.dialogHeading()).toBe('Modifié entre-temps par Coordination GUP (démo)');
    expect(await landlord.conflictRows()).toEqual([
      { field: 'Libellé modifié par vous', theirs: LABEL, mine: 'Placette Carnot — entrée bailleur' },
      { field: 'Référence de la convention modifié par eux', theirs: 'CONV-2026-11', mine: '—' },
    ]);
    await landlord.screenshot('two-coordinators-conflict');

    // "Reprendre la modification": their version with my change on top, for me to check and save.
    await landlord.clickButton('Reprendre la modification');
    expect(await landlord.editorStatus()).toContain('Leur version (n° 2) avec vos changements : vérifiez, puis enregistrez.');
    expect(await landlord.parcelFormText('Libellé')).toBe('Placette Carnot — entrée bailleur');
    expect(await landlord.parcelFormText('Référence de la convention')).toBe('CONV-2026-11');
    await landlord.screenshot('two-coordinators-edit-over-theirs');
    await landlord.save();

    // Nothing lost: the stored parcel has both changes, one version after the city's.
    const stored = (await landlord.callApi<StoredParcel>('GET', `/api/parcels/${created!.id}`)).body;
    expect(stored.properties).toMatchObject({ version: 3, label: 'Placette Carnot — entrée bailleur', agreementRef: 'CONV-2026-11' });
    created = stored;
    // And the city's open map is told who changed it.
    expect(await city.changeNotice(/a modifié/, DELIVERY_MS)).toBe("Coordination bailleur (démo) a modifié 1 parcelle — à l'instant");
    expect(city.errors).toEqual([]);
    expect(landlord.errors).toEqual([]);
  });
});
