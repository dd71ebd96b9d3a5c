import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MultiPolygon } from '../../core/index.js';
import { formatCamera, parseSiteView } from '../../web/src/routing/site-view.js';
import { launchBrowser, TesseraUser } from './driver.js';

interface StoredParcel { id: string; geometry: MultiPolygon; properties: { label: string | null; services: string[]; fromPhase: number; toPhase: number | null } }

const WORKS_PHASE = { ordinal: 1, name: 'Travaux : démolition et résidentialisation' };
const CURRENT_PHASE = 'État actuel';
const ZOOM = 19;

/** The view a page shows, its camera rounded as a link carries it. */
async function shown(user: TesseraUser) {
  const view = await user.viewShown();
  return { ...view, camera: formatCamera(view.camera) };
}

/** Waits until the page's address carries the map's camera, now that the map is at rest. */
async function cameraInUrl(user: TesseraUser): Promise<string> {
  const camera = formatCamera(await user.mapCamera());
  const url = await user.waitForUrl((address) => {
    const inUrl = parseSiteView(address.search).camera;
    return inUrl !== null && formatCamera(inUrl) === camera;
  });
  return url;
}

describe('a view of the demo site is a link: reload, share, back and forward', () => {
  let browser: Browser;
  let user: TesseraUser;
  let siteId: string;
  beforeAll(async () => {
    browser = await launchBrowser();
    ({ user, siteId } = await TesseraUser.onDemoSite(browser));
  });
  afterAll(() => browser.close());

  it('keeps the phase, the service, the selected parcel and the map view', async () => {
    const parcels = (await user.callApi<{ features: StoredParcel[] }>('GET', `/api/sites/${siteId}/parcels?phase=${WORKS_PHASE.ordinal}`)).body.features;
    const parcel = parcels.find((candidate) => candidate.properties.label && candidate.properties.services.includes('espaces_verts'));
    if (!parcel) throw new Error('the demo has no labelled green-spaces parcel at the works phase');

    await user.chooseService('Espaces verts');
    await user.choosePhase(WORKS_PHASE.name);
    const onPhase = await shown(user);
    await user.selectParcel(parcel.geometry, ZOOM, 'panel');
    const zoomedIn = await shown(user);
    expect(zoomedIn.parcel).toBe(parcel.properties.label);
    await user.panMap(140, -70);
    const url = await cameraInUrl(user);
    const view = await shown(user);
    expect(view).toEqual({ phase: WORKS_PHASE.name, service: 'Espaces verts', parcel: parcel.properties.label, camera: expect.any(String) });
    expect(view.camera).not.toBe(zoomedIn.camera);
    expect(new URL(url).pathname).toBe(`/sites/${siteId}`);
    expect(parseSiteView(new URL(url).search)).toMatchObject({ phase: WORKS_PHASE.ordinal, serviceCode: 'espaces_verts', parcelId: parcel.id });
    await user.screenshot('shareable-url-view');

    await user.reload();
    expect(await shown(user)).toEqual(view);
    expect(user.url()).toBe(url);

    const other = await TesseraUser.in(browser);
    await other.openLink(url);
    expect(await shown(other)).toEqual(view);
    await other.screenshot('shareable-url-opened');
    expect(other.errors).toEqual([]);

    // Back: the parcel was selected after zooming in (a jump replaces the entry, as a pan does).
    await user.goInHistory('back');
    expect(await shown(user)).toEqual({ ...zoomedIn, parcel: null });
    await user.goInHistory('back');
    expect(await shown(user)).toEqual({ ...onPhase, phase: CURRENT_PHASE });
    await user.goInHistory('back');
    expect(await shown(user)).toMatchObject({ phase: CURRENT_PHASE, service: 'Nettoiement', parcel: null });
    await user.goInHistory('forward');
    await user.goInHistory('forward');
    expect(await shown(user)).toEqual({ ...zoomedIn, parcel: null });
    await user.goInHistory('forward');
    expect(await shown(user)).toEqual(view);
    expect(user.url()).toBe(url);
    expect(user.errors).toEqual([]);
  });

  it('falls back to the defaults for an unknown phase, service, parcel or a malformed map view', async () => {
    const visitor = await TesseraUser.in(browser);
    await visitor.open(`/sites/${siteId}?phase=99&service=nope&parcel=00000000-0000-0000-0000-000000000000&map=banana`);
    await visitor.waitForUrl((address) => address.search.startsWith('?phase=0&service=nettoiement'));
    expect(await shown(visitor)).toMatchObject({ phase: CURRENT_PHASE, service: 'Nettoiement', parcel: null });
    expect(await visitor.renderedParcelCount()).toBeGreaterThan(10);
    expect(visitor.errors).toEqual([]);
  });
});
