import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, TesseraUser } from './driver.js';

type Position = [number, number];
interface StoredParcel {
  id: string;
  geometry: { coordinates: Position[][][] };
  properties: { organisationId: string; services: string[]; version: number };
}

/** docs/live-feed.md: other editors' saves appear on open maps within 2 seconds. */
const DELIVERY_MS = 2000;

/** A square of about 6 m × 6 m centred on the average of a parcel's outer ring. */
function squareInside(parcel: StoredParcel) {
  const ring = parcel.geometry.coordinates[0]![0]!.slice(0, -1);
  const lon = ring.reduce((sum, position) => sum + position[0], 0) / ring.length;
  const lat = ring.reduce((sum, position) => sum + position[1], 0) / ring.length;
  const [dx, dy] = [0.00004, 0.000027];
  return { type: 'Polygon', coordinates: [[[lon - dx, lat - dy], [lon + dx, lat - dy], [lon + dx, lat + dy], [lon - dx, lat + dy], [lon - dx, lat - dy]]] };
}

describe("a viewer's open map follows a coordinator's saves", () => {
  let browser: Browser;
  let coordinator: TesseraUser;
  let viewer: TesseraUser;
  let siteId: string;
  let created: StoredParcel | undefined;

  beforeAll(async () => {
    browser = await launchBrowser();
    ({ user: coordinator, siteId } = await TesseraUser.onDemoSite(browser, 'coordination@tessera.demo'));
    viewer = await TesseraUser.in(browser);
    await viewer.open('/');
    const signedInStream = viewer.nextChangeStream();
    await viewer.signIn('elu@tessera.demo');
    await signedInStream;
    await viewer.waitForMap();
  });

  afterAll(async () => {
    // Other e2e files read the same demo site: give it back as it was.
    if (created) await coordinator.deleteParcelIfPresent(created.id);
    await browser.close();
  });

  it("shows the coordinator's new parcel on the viewer's map within 2 s, with a notice", async () => {
    const before = await viewer.renderedParcelCount();
    const parcels = (await coordinator.callApi<{ features: StoredParcel[] }>('GET', `/api/sites/${siteId}/parcels?phase=0`)).body.features;
    const neighbour = parcels.find((parcel) => parcel.properties.services.includes('nettoiement'))!;
    const startedAt = Date.now();
    const answer = await coordinator.callApi<StoredParcel>('POST', `/api/sites/${siteId}/parcels`, {
      type: 'Feature',
      geometry: squareInside(neighbour),
      properties: { organisationId: neighbour.properties.organisationId, services: ['nettoiement'], label: 'Parcelle en direct (test de bout en bout)' },
    });
    expect(answer.status).toBe(201);
    created = answer.body;

    expect(await viewer.changeNotice(/a ajouté/, DELIVERY_MS)).toBe("Coordination GUP (démo) a ajouté 1 parcelle — à l'instant");
    const noticeMs = Date.now() - startedAt;
    const after = await viewer.waitForRenderedParcelCount((count) => count > before, 30_000);
    const mapMs = Date.now() - startedAt;
    console.log(`live change: notice ${noticeMs} ms, map ${mapMs} ms after the POST was sent (rendered parcels ${before} → ${after})`);
    expect(after).toBe(before + 1);
    expect(mapMs).toBeLessThan(DELIVERY_MS);
    await viewer.screenshot('live-changes-notice');
    // The coordinator's own page ignores the event of their own save.
    expect(await coordinator.currentChangeNotice()).toBe('');
  });

  it('removes it from the map when the coordinator deletes it', async () => {
    const before = await viewer.renderedParcelCount();
    const deleted = await coordinator.callApi('DELETE', `/api/parcels/${created!.id}`, undefined, { 'If-Match': `"${created!.properties.version}"` });
    expect(deleted.status).toBe(204);
    created = undefined;
    expect(await viewer.changeNotice(/a supprimé/, DELIVERY_MS)).toBe("Coordination GUP (démo) a supprimé 1 parcelle — à l'instant");
    expect(await viewer.waitForRenderedParcelCount((count) => count < before, 30_000)).toBe(before - 1);
    expect(viewer.errors).toEqual([]);
    expect(coordinator.errors).toEqual([]);
  });
});
