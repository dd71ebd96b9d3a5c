import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, TesseraUser } from './driver.js';

interface Overlap { properties: { area: number; parcelIds: [string, string]; organisationIds: [string, string] } }
interface Analysis { gaps: { features: Array<{ properties: { area: number } }> }; overlaps: { features: Overlap[] } }
interface StoredParcel { id: string; properties: { organisationId: string; label: string | null; services: string[]; version: number } }

/** The demo's engineered defects (data/demo): one gap of about 579 m², one overlap of about 407 m². */
const DEMO_GAP = /^Personne — 5\d\d m²$/;
const DEMO_OVERLAP = /^Conflit .+ — 4\d\d m²$/;

describe('a coordinator fills the demo gap and trims the demo overlap from the analysis panel', () => {
  let browser: Browser;
  let coordinator: TesseraUser;
  let siteId: string;
  let analysisPath: string;
  let createdId: string | undefined;
  let trimmed: { id: string; version: number } | undefined;
  /** The version each trimmed parcel had before this file touched it, to restore at the end. */
  const versionsBefore = new Map<string, number>();
  const rememberVersion = async (parcelId: string) => {
    const version = (await coordinator.callApi<StoredParcel>('GET', `/api/parcels/${parcelId}`)).body.properties.version;
    if (!versionsBefore.has(parcelId)) versionsBefore.set(parcelId, version);
    return version;
  };

  beforeAll(async () => {
    browser = await launchBrowser();
    ({ user: coordinator, siteId } = await TesseraUser.onDemoSite(browser));
    analysisPath = `/api/sites/${siteId}/analysis?phase=0&service=nettoiement`;
  });

  afterAll(async () => {
    // Other e2e files expect the demo's gap and overlap: give the site back as it was, whatever the file order.
    if (createdId) await coordinator.deleteParcelIfPresent(createdId);
    await coordinator.restoreParcelVersions(versionsBefore);
    await coordinator.expectDemoDefectsBack(siteId);
    await browser.close();
  });

  it('creates a parcel on the gap, with the city’s cleaning service offered, and the gap is gone', async () => {
    await coordinator.signIn('coordination@tessera.demo');
    const parcelsBefore = (await coordinator.callApi<{ features: StoredParcel[] }>('GET', `/api/sites/${siteId}/parcels?phase=0`)).body.features;
    // Signing in re-renders the panel with the editing actions: wait for the demo gap to be listed.
    const gapLabel = await coordinator.waitForFinding('Liste des manques', (gap) => DEMO_GAP.test(gap));

    await coordinator.fillGap(gapLabel);
    expect(await coordinator.parcelFormValues()).toEqual({ organisation: 'Ville › Propreté urbaine', services: ['Nettoiement'] });
    // The browser engine checks the new parcel at once: the gap leaves the panel before the save.
    await expect.poll(() => coordinator.findings('Liste des manques'), { timeout: 60_000 }).not.toContain(gapLabel);
    await coordinator.screenshot('fill-gap-form');
    await coordinator.chooseOrganisation('Ville › Propreté urbaine');
    await coordinator.save();
    await coordinator.screenshot('fill-gap-saved');

    const parcelsAfter = (await coordinator.callApi<{ features: StoredParcel[] }>('GET', `/api/sites/${siteId}/parcels?phase=0`)).body.features;
    const created = parcelsAfter.filter((parcel) => !parcelsBefore.some((before) => before.id === parcel.id));
    expect(created).toHaveLength(1);
    createdId = created[0]!.id;
    expect(created[0]!.properties.services).toEqual(['nettoiement']);

    expect(await coordinator.findings('Liste des manques')).toEqual([]);
    const server = (await coordinator.callApi<Analysis>('GET', analysisPath)).body;
    expect(server.gaps.features).toEqual([]);
    expect(coordinator.errors).toEqual([]);
  });

  it('resolves the overlap in favour of the landlord: the city’s parcel gives the area up', async () => {
    const before = (await coordinator.callApi<Analysis>('GET', analysisPath)).body;
    const overlap = before.overlaps.features.find((feature) => feature.properties.area > 400 && feature.properties.area < 500);
    expect(overlap).toBeDefined();
    const organisations = (await coordinator.callApi<Array<{ id: string; shortName: string }>>('GET', '/api/organisations')).body;
    const shortName = (id: string) => organisations.find((organisation) => organisation.id === id)!.shortName;
    expect(overlap!.properties.organisationIds.map(shortName).sort()).toEqual(['Bailleur', 'Propreté']);
    const loserIndex = overlap!.properties.organisationIds.findIndex((id) => shortName(id) === 'Propreté');
    const loserId = overlap!.properties.parcelIds[loserIndex]!;
    trimmed = { id: loserId, version: await rememberVersion(loserId) };

    const overlapLabel = await coordinator.waitForFinding('Liste des chevauchements', (item) => DEMO_OVERLAP.test(item));
    await coordinator.resolveOverlap(overlapLabel);
    const choices = await coordinator.overlapChoices();
    expect(choices).toHaveLength(2);
    expect(choices.some((choice) => choice.startsWith('Bailleur — '))).toBe(true);
    expect(choices.some((choice) => choice.startsWith('Propreté — '))).toBe(true);
    await coordinator.screenshot('trim-overlap-dialog');
    await coordinator.keepOverlapFor('Bailleur');
    await coordinator.screenshot('trim-overlap-done');

    await expect.poll(() => coordinator.findings('Liste des chevauchements'), { timeout: 60_000 }).not.toContain(overlapLabel);
    const after = (await coordinator.callApi<Analysis>('GET', analysisPath)).body;
    expect(after.overlaps.features.filter((feature) => feature.properties.parcelIds.includes(loserId))).toEqual([]);
    // The demo's city parcel lies wholly inside the landlord's: nothing is left of it, so it was deleted, not reshaped.
    const history = (await coordinator.callApi<Array<{ version: number; change: string }>>('GET', `/api/parcels/${loserId}/history`)).body;
    expect(history.at(-1)).toMatchObject({ version: trimmed.version + 1, change: 'delete' });
    expect(after.gaps.features).toEqual([]);

    // One step to undo: the city's parcel comes back with its overlap; redo resolves it again.
    expect((await coordinator.historyButton('undo')).title).toMatch(/chevauchement résolu/);
    await coordinator.undo();
    await expect.poll(() => coordinator.findings('Liste des chevauchements'), { timeout: 60_000 }).toContain(overlapLabel);
    await coordinator.redo();
    await expect.poll(() => coordinator.findings('Liste des chevauchements'), { timeout: 60_000 }).not.toContain(overlapLabel);
    const redone = (await coordinator.callApi<Array<{ version: number; change: string }>>('GET', `/api/parcels/${loserId}/history`)).body;
    expect(redone.map((entry) => entry.change).slice(-3)).toEqual(['delete', 'restore', 'delete']);
    trimmed.version = redone.at(-2)!.version;
    expect(coordinator.errors).toEqual([]);
  });

  it('trims the landlord’s parcel when the city keeps the area, on the version someone saved meanwhile', async () => {
    // Give the city's parcel back, then reload the page (it is not told of others' changes yet).
    expect((await coordinator.callApi('POST', `/api/parcels/${trimmed!.id}/restore`, { version: trimmed!.version })).status).toBe(200);
    await coordinator.open('/');
    const overlap = (await coordinator.callApi<Analysis>('GET', analysisPath)).body.overlaps.features.find((feature) => feature.properties.parcelIds.includes(trimmed!.id));
    expect(overlap).toBeDefined();
    const landlordId = overlap!.properties.parcelIds.find((id) => id !== trimmed!.id)!;
    const landlordVersion = await rememberVersion(landlordId);

    const overlapLabel = await coordinator.waitForFinding('Liste des chevauchements', (item) => DEMO_OVERLAP.test(item));
    await coordinator.resolveOverlap(overlapLabel);
    // Another editor renames the landlord's parcel while the dialog is open.
    const theirs = await coordinator.callApi<StoredParcel>('PATCH', `/api/parcels/${landlordId}`, { properties: { label: 'Résidence Albert Thomas (renommée)' } }, { 'If-Match': `"${landlordVersion}"` });
    expect(theirs.status).toBe(200);
    await coordinator.keepOverlapFor('Propreté');
    expect(await coordinator.dialogHeading()).toBe('Modifié entre-temps par Coordination GUP (démo)');
    await coordinator.screenshot('trim-overlap-conflict');
    await coordinator.clickButton('Garder la mienne');

    await expect.poll(() => coordinator.findings('Liste des chevauchements'), { timeout: 60_000 }).not.toContain(overlapLabel);
    await coordinator.waitForMap();
    await coordinator.screenshot('trim-overlap-landlord-trimmed');
    const landlord = (await coordinator.callApi<StoredParcel & { geometry: { coordinates: unknown[] } }>('GET', `/api/parcels/${landlordId}`)).body;
    // Their rename is kept, and the trim is applied on top of it: the courtyard's road leaves the parcel.
    expect(landlord.properties).toMatchObject({ version: theirs.body.properties.version + 1, label: 'Résidence Albert Thomas (renommée)' });
    expect(landlord.geometry.coordinates.length).toBeGreaterThan(1);
    const after = (await coordinator.callApi<Analysis>('GET', analysisPath)).body;
    expect(after.overlaps.features.filter((feature) => feature.properties.parcelIds.includes(landlordId))).toEqual([]);
    expect(after.gaps.features).toEqual([]);
    expect(coordinator.errors).toEqual([]);
  });
});
