// The only module of the end-to-end tests that talks to Playwright: tests read like a user's steps.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { expect, inject } from 'vitest';
import type { MultiPolygon } from '../../core/index.js';
import type { MapCamera } from '../../web/src/routing/site-view.js';
import { launchChromium } from '../../scripts/lib/chromium.js';
import { interiorPoint } from '../support/parcel-geometry.js';

/** The lists of the analysis panel, by their accessible names. */
export type FindingList = 'Liste des manques' | 'Liste des chevauchements' | 'Liste des débords';

const ARTIFACTS = join(import.meta.dirname, 'artifacts');
/** SwiftShader renders WebGL in software: seconds per frame, so waits are generous. */
const MAP_TIMEOUT_MS = 120_000;
/** The demo users' password (README.md). */
const DEMO_PASSWORD = 'tessera-demo';

/**
 * Drawn by hand around the demo's cleaning gap (data/demo): a quadrilateral a few metres around it that
 * spills over the four cleaning parcels around it, so that avoiding overlaps fits it to the gap.
 */
export const DEMO_GAP_ROUGH_OUTLINE: ReadonlyArray<readonly [number, number]> = [[2.47998, 48.89862], [2.48079, 48.89845], [2.48085, 48.89858], [2.48004, 48.89875]];

/** A screen: its size in CSS pixels, and whether it is a touch screen (a phone, a tablet). */
export interface Screen { width: number; height: number; touch: boolean }
export const LAPTOP: Screen = { width: 1280, height: 800, touch: false };
export const PHONE: Screen = { width: 390, height: 844, touch: true };
export const SMALL_PHONE: Screen = { width: 360, height: 740, touch: true };
export const DESKTOP: Screen = { width: 1440, height: 900, touch: false };

/** A colour as a screenshot's pixels have it: red, green, blue. */
export type Rgb = readonly [number, number, number];

/** What the page offers to read a screenshot's pixels (the DOM's types are not loaded here). */
interface PixelReader {
  createImageBitmap(image: Blob): Promise<{ width: number; height: number }>;
  OffscreenCanvas: new (width: number, height: number) => {
    getContext(kind: '2d'): { drawImage(image: unknown, x: number, y: number): void; getImageData(x: number, y: number, width: number, height: number): { data: Uint8ClampedArray } };
  };
}

/** What a phone user sees of the page's layout, in CSS pixels. */
export interface PageLayout {
  viewportWidth: number;
  viewportHeight: number;
  /** The document's width: more than the viewport's when the page scrolls sideways. */
  scrollWidth: number;
  mapHeight: number;
}

/** A control smaller than a finger: its role, name and size. */
export interface SmallTarget { control: string; width: number; height: number }

/** A parcel's attributes as a user picks them in the form, by their visible labels. */
export interface ParcelFormEntry {
  organisation: string;
  services: string[];
  label?: string;
  agreementRef?: string;
}

/** Starts Debian's Chromium. */
export function launchBrowser(): Promise<Browser> {
  return launchChromium(inject('chromiumPath'));
}

/** A person using Tessera in one browser tab. */
export class TesseraUser {
  readonly errors: string[] = [];
  /** What the page logged as errors in the console (a failed request logs one too), with its URL when it has one. */
  readonly consoleErrors: string[] = [];

  private constructor(readonly page: Page) {
    page.on('pageerror', (error) => this.errors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') this.consoleErrors.push(`${message.text()} ${message.location().url}`.trim());
    });
  }

  /** Opens a new tab in a browser context of its own: each user has their own cookies and session; a laptop's screen unless told. */
  static async in(browser: Browser, screen: Screen = LAPTOP): Promise<TesseraUser> {
    const context = await browser.newContext({ viewport: { width: screen.width, height: screen.height }, hasTouch: screen.touch, isMobile: screen.touch });
    return new TesseraUser(await context.newPage());
  }

  /** A new user on the demo site's page, signed in with this e-mail if one is given; with the site's id. */
  static async onDemoSite(browser: Browser, email?: string, screen: Screen = LAPTOP): Promise<{ user: TesseraUser; siteId: string }> {
    const user = await TesseraUser.in(browser, screen);
    await user.open('/');
    const siteId = await user.demoSiteId();
    if (email) await user.signIn(email);
    return { user, siteId };
  }

  /** Goes to a path of the app and waits for the map to have drawn its parcels. */
  async open(path = '/'): Promise<void> {
    await this.page.goto(inject('baseUrl') + path);
    await this.waitForMap();
  }

  /** Waits until the map is idle with its parcels source loaded. */
  async waitForMap(): Promise<void> {
    await this.page.waitForSelector('[data-map-ready="true"]', { timeout: MAP_TIMEOUT_MS });
  }

  /** Waits until the analysis overlay (deck.gl, fetched after the map is ready) has drawn the analysis shown. */
  async waitForAnalysisOverlay(): Promise<void> {
    await this.page.waitForSelector('[data-map-ready="true"][data-analysis-drawn="true"]', { timeout: MAP_TIMEOUT_MS });
  }

  /** Whether the analysis overlay shows the analysis of the view (true when there is none to show). */
  async analysisOverlayDrawn(): Promise<boolean> {
    return (await this.page.locator('.site-map').getAttribute('data-analysis-drawn')) === 'true';
  }

  /**
   * Holds back the scripts whose address matches, as a slow network would, until the returned
   * function is called; the requests held meanwhile are counted by `held()`.
   */
  async holdScripts(address: RegExp): Promise<{ release: () => void; held: () => number }> {
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let held = 0;
    await this.page.route(address, async (route) => {
      held += 1;
      await released;
      await route.continue();
    });
    return { release, held: () => held };
  }

  /** How many of the map's pixels on the screen are of this colour (each channel within `tolerance`). */
  async mapPixelsOf(colour: Rgb, tolerance = 8): Promise<number> {
    const png = (await this.page.locator('.site-map').screenshot()).toString('base64');
    // Decoded by the page itself: Chromium reads the PNG, no image library needed here.
    return this.page.evaluate(async ({ png, colour, tolerance }) => {
      const browser = globalThis as unknown as PixelReader;
      const bitmap = await browser.createImageBitmap(await (await fetch(`data:image/png;base64,${png}`)).blob());
      const canvas = new browser.OffscreenCanvas(bitmap.width, bitmap.height);
      const context = canvas.getContext('2d');
      context.drawImage(bitmap, 0, 0);
      const { data } = context.getImageData(0, 0, bitmap.width, bitmap.height);
      let count = 0;
      for (let index = 0; index < data.length; index += 4) {
        if ([0, 1, 2].every((channel) => Math.abs(data[index + channel]! - colour[channel]!) <= tolerance)) count += 1;
      }
      return count;
    }, { png, colour, tolerance });
  }

  /** Number of distinct parcels the map has actually rendered in the viewport (read when idle). */
  renderedParcelCount(): Promise<number> {
    return this.page.evaluate(() => {
      const hook = (globalThis as unknown as { __tessera?: { renderedParcelCount: number } }).__tessera;
      return hook ? hook.renderedParcelCount : 0;
    });
  }

  /** Waits until the number of rendered parcels satisfies `accepts`; returns it. */
  async waitForRenderedParcelCount(accepts: (count: number) => boolean, timeoutMs = MAP_TIMEOUT_MS): Promise<number> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const count = await this.renderedParcelCount();
      if (accepts(count) || Date.now() > deadline) return count;
      await this.page.waitForTimeout(50);
    }
  }

  /** Resolves when the page's next stream of the site's changes opens (start waiting before the step that opens it). */
  async nextChangeStream(): Promise<void> {
    await this.page.waitForResponse((response) => /\/api\/sites\/[^/]+\/events$/.test(response.url()) && response.status() === 200, { timeout: 30_000 });
  }

  /** The text of the notice of someone else's change, once one showing `text` is there. */
  async changeNotice(text: RegExp, timeoutMs = 30_000): Promise<string> {
    const notice = this.page.getByTestId('change-notice').locator('p', { hasText: text });
    await notice.waitFor({ timeout: timeoutMs });
    return (await notice.innerText()).trim();
  }

  /** The text of the change notice now ('' when none shows). */
  async currentChangeNotice(): Promise<string> {
    return (await this.page.getByTestId('change-notice').innerText()).trim();
  }

  /** The page's icon: where its `<link rel="icon">` points, and what the server answers there. */
  async pageIcon(): Promise<{ href: string; status: number; contentType: string | null }> {
    const href = await this.page.locator('link[rel="icon"]').evaluate((link) => (link as unknown as { href: string }).href);
    const answer = await this.page.request.get(href);
    return { href, status: answer.status(), contentType: answer.headers()['content-type'] ?? null };
  }

  /** The organisations listed in the legend. */
  async legendEntries(): Promise<string[]> {
    return (await this.page.getByRole('region', { name: 'Légende' }).getByRole('list', { name: 'Gestionnaires' }).locator('li').allInnerTexts()).map((text) => text.trim());
  }

  /** Chooses a service in the service filter, by its visible label. */
  async chooseService(label: string): Promise<void> {
    await this.page.getByLabel('Service').selectOption({ label });
    // The map marks itself not ready as soon as the parcels change; give React a moment to get there.
    await this.page.waitForTimeout(300);
    await this.waitForMap();
  }

  /** Chooses a phase in the phase selector, by its name. */
  async choosePhase(name: string): Promise<void> {
    await this.page.getByLabel('Phase').selectOption({ label: name });
    await this.page.waitForTimeout(300);
    await this.waitForMap();
  }

  /** What the page shows, as a link should give it back: phase, service, selected parcel, and the map's camera. */
  async viewShown(): Promise<{ phase: string; service: string; parcel: string | null; camera: MapCamera }> {
    const phase = await this.page.getByLabel('Phase').evaluate((select) => {
      const element = select as unknown as { selectedOptions: ArrayLike<{ textContent: string | null }> };
      return element.selectedOptions[0]?.textContent ?? '';
    });
    return { phase, service: await this.selectedService(), parcel: await this.selectedParcelLabel(), camera: await this.mapCamera() };
  }

  /** The map's centre and zoom, read from the map itself. */
  mapCamera(): Promise<MapCamera> {
    return this.page.evaluate(() => {
      const map = (globalThis as unknown as { __tessera: { map: { getCenter(): { lng: number; lat: number }; getZoom(): number } } }).__tessera.map;
      const center = map.getCenter();
      return { center: [center.lng, center.lat] as [number, number], zoom: map.getZoom() };
    });
  }

  /** Drags the map by some pixels from its middle, as a hand pans it, and waits for it to be drawn. */
  async panMap(dx: number, dy: number): Promise<void> {
    const box = await this.page.locator('.site-map canvas.maplibregl-canvas').boundingBox();
    if (!box) throw new Error('panMap: the map has no canvas');
    const from = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
    await this.dragOnPage(from, { x: from.x + dx, y: from.y + dy });
    await this.page.waitForTimeout(300);
    await this.waitForMap();
  }

  /** Lets the page run a while, e.g. for what it would fetch late to show up. */
  async wait(milliseconds: number): Promise<void> {
    await this.page.waitForTimeout(milliseconds);
  }

  /** The page's address. */
  url(): string {
    return this.page.url();
  }

  /** Waits until the page's address satisfies `accepts` (the map writes its camera there once at rest). */
  async waitForUrl(accepts: (url: URL) => boolean, timeoutMs = 10_000): Promise<string> {
    await this.page.waitForURL(accepts, { timeout: timeoutMs, waitUntil: 'commit' });
    return this.page.url();
  }

  /** Opens an address as it was shared (the app's origin and any path and query) and waits for the map. */
  async openLink(url: string): Promise<void> {
    await this.page.goto(url);
    await this.waitForMap();
  }

  /** Reloads the page, as the browser's button does, and waits for the map. */
  async reload(): Promise<void> {
    await this.page.reload();
    await this.waitForMap();
  }

  /** The browser's back or forward button, then waits for the map to show that view. */
  async goInHistory(direction: 'back' | 'forward'): Promise<void> {
    await (direction === 'back' ? this.page.goBack({ waitUntil: 'commit' }) : this.page.goForward({ waitUntil: 'commit' }));
    await this.page.waitForTimeout(300);
    await this.waitForMap();
  }

  /** Notes the address of every script and worker the page requests from now on, with how it came (content encoding, bytes on the wire when said). */
  recordScripts(): Array<{ url: string; encoding: string | null; length: number | null }> {
    const scripts: Array<{ url: string; encoding: string | null; length: number | null }> = [];
    this.page.on('response', (response) => {
      if (!/\.(m?js)(\?|$)/.test(new URL(response.url()).pathname)) return;
      const headers = response.headers();
      const length = headers['content-length'] === undefined ? null : Number(headers['content-length']);
      scripts.push({ url: response.url(), encoding: headers['content-encoding'] ?? null, length });
    });
    return scripts;
  }

  /** The label of the service shown. */
  async selectedService(): Promise<string> {
    return this.page.getByLabel('Service').evaluate((select) => {
      const element = select as unknown as { selectedOptions: ArrayLike<{ textContent: string | null }> };
      return element.selectedOptions[0]?.textContent ?? '';
    });
  }

  /** The analysis panel's summary line ("94,2 % couvert — …"). */
  async analysisSummary(): Promise<string> {
    return (await this.page.getByTestId('analysis-summary').innerText()).trim();
  }

  /** The items of one list of the analysis panel (by its accessible name). */
  async findings(list: FindingList): Promise<string[]> {
    // Only the findings themselves, not the actions beside them ("Créer une parcelle ici", "Résoudre…").
    const texts = await this.page.getByRole('list', { name: list }).locator('.analysis__item').allInnerTexts();
    return texts.map((text) => text.trim()).filter((text) => text.length > 0);
  }

  /**
   * Waits until a finding of `list` matches and returns its label. The panel re-renders while it
   * reloads (after signing in, after a change arrives), so a label is read and used from one look.
   */
  async waitForFinding(list: FindingList, matches: (label: string) => boolean = () => true, timeout = 60_000): Promise<string> {
    const deadline = Date.now() + timeout;
    for (;;) {
      const found = (await this.findings(list)).find((label) => matches(label.replace(/\s/g, ' ')));
      if (found) return found;
      if (Date.now() > deadline) throw new Error(`no finding in "${list}" matched within ${timeout} ms`);
      await this.page.waitForTimeout(250);
    }
  }

  /** Clicks (or taps) "Créer une parcelle ici" beside a gap of the analysis panel; the attribute form opens. */
  async fillGap(gapLabel: string, by: 'click' | 'tap' = 'click'): Promise<void> {
    await this.findingEntry('Liste des manques', gapLabel).getByRole('button', { name: 'Créer une parcelle ici', exact: true })[by]();
    await this.page.locator('form.editor__form').waitFor({ timeout: 30_000 });
  }

  /** What the open attribute form holds: the chosen organisation's name and the ticked services. */
  async parcelFormValues(): Promise<{ organisation: string; services: string[] }> {
    const form = this.page.locator('form.editor__form');
    const organisation = await form.getByLabel('Gestionnaire', { exact: true }).evaluate((select) => {
      const element = select as unknown as { selectedOptions: ArrayLike<{ textContent: string | null }> };
      return element.selectedOptions[0]?.textContent ?? '';
    });
    const services: string[] = [];
    for (const checkbox of await form.getByRole('group', { name: 'Services' }).getByRole('checkbox').all()) {
      if (await checkbox.isChecked()) services.push((await checkbox.evaluate((input) => input.parentElement?.textContent ?? '')).trim());
    }
    return { organisation, services };
  }

  /** Chooses the manager in the open attribute form, by its visible name. */
  async chooseOrganisation(name: string): Promise<void> {
    await this.page.locator('form.editor__form').getByLabel('Gestionnaire', { exact: true }).selectOption({ label: name });
  }

  /** Clicks "Résoudre…" beside an overlap of the analysis panel; the "Qui garde la zone ?" dialog opens. */
  async resolveOverlap(overlapLabel: string): Promise<void> {
    await this.findingEntry('Liste des chevauchements', overlapLabel).getByRole('button', { name: 'Résoudre…', exact: true }).click();
    await this.page.getByRole('dialog', { name: 'Qui garde la zone ?' }).waitFor({ timeout: 30_000 });
  }

  /** The choices of the "Qui garde la zone ?" dialog, each with what it does to the other parcel. */
  async overlapChoices(): Promise<string[]> {
    const dialog = this.page.getByRole('dialog', { name: 'Qui garde la zone ?' });
    return (await dialog.locator('.resolve-overlap__choice').allInnerTexts()).map((text) => text.replace(/\s+/g, ' ').trim());
  }

  /** Chooses who keeps the overlap (the choice starting with this organisation's short name), then waits for the map. */
  async keepOverlapFor(organisationShortName: string): Promise<void> {
    const dialog = this.page.getByRole('dialog', { name: 'Qui garde la zone ?' });
    await dialog.locator('.resolve-overlap__choice').filter({ has: this.page.locator('strong', { hasText: new RegExp(`^${organisationShortName} — `) }) }).click();
    await dialog.waitFor({ state: 'hidden', timeout: 60_000 });
    await this.page.waitForTimeout(300);
    await this.waitForMap();
  }

  private findingEntry(list: 'Liste des manques' | 'Liste des chevauchements', label: string) {
    return this.page.getByRole('list', { name: list }).getByRole('listitem').filter({ has: this.page.getByRole('button', { name: label, exact: true }) });
  }

  /** Clicks a finding of the analysis panel, then waits for the map to settle on it. */
  async focusFinding(label: string): Promise<void> {
    await this.page.locator('.analysis__item', { hasText: label }).first().click({ timeout: 60_000 });
    await this.page.waitForTimeout(300);
    await this.waitForMap();
  }

  /** The map's zoom level. */
  mapZoom(): Promise<number> {
    return this.page.evaluate(() => (globalThis as unknown as { __tessera: { map: { getZoom(): number } } }).__tessera.map.getZoom());
  }

  /** Signs in from the header with a demo account, and waits for the name to show. */
  async signIn(email: string, password = DEMO_PASSWORD): Promise<void> {
    await this.page.getByRole('button', { name: 'Se connecter' }).click();
    const form = this.page.getByRole('form', { name: 'Connexion' });
    await form.getByLabel('Adresse e-mail').fill(email);
    await form.getByLabel('Mot de passe').fill(password);
    await form.getByRole('button', { name: 'Connexion' }).click();
    await this.page.getByTestId('signed-in-user').waitFor({ timeout: 30_000 });
  }

  /** Whether a button with this accessible name is on the page. */
  async seesButton(name: string): Promise<boolean> {
    return (await this.page.getByRole('button', { name, exact: true }).count()) > 0;
  }

  /** Clicks "Dessiner une parcelle": the map now takes clicks as vertices. */
  async startDrawing(): Promise<void> {
    await this.page.getByRole('button', { name: 'Dessiner une parcelle' }).click();
    await this.page.getByRole('button', { name: 'Aimantation' }).waitFor();
  }

  /** Clicks "Dessiner une parcelle", then each vertex, then the first again to close it; `screenshotBeforeClosing` names a screenshot of the open drawing. */
  async drawPolygon(ring: ReadonlyArray<readonly [number, number]>, screenshotBeforeClosing?: string): Promise<void> {
    await this.startDrawing();
    for (const [lon, lat] of ring) await this.clickMapAt(lon, lat);
    if (screenshotBeforeClosing) await this.screenshot(screenshotBeforeClosing);
    await this.clickMapAt(ring[0]![0], ring[0]![1]);
  }

  /** Where a longitude/latitude is on the screen, in page pixels, read from the map's own projection. */
  async screenPoint(lon: number, lat: number): Promise<{ x: number; y: number }> {
    return this.page.evaluate(([longitude, latitude]) => {
      const map = (globalThis as unknown as { __tessera: { map: { project(p: [number, number]): { x: number; y: number }; getCanvas(): { getBoundingClientRect(): { left: number; top: number } } } } }).__tessera.map;
      const point = map.project([longitude!, latitude!]);
      const box = map.getCanvas().getBoundingClientRect();
      return { x: box.left + point.x, y: box.top + point.y };
    }, [lon, lat]);
  }

  /** Clicks the map at a longitude/latitude, as a user's mouse would. */
  async clickMapAt(lon: number, lat: number): Promise<void> {
    const { x, y } = await this.screenPoint(lon, lat);
    await this.page.mouse.move(x, y, { steps: 2 });
    await this.page.mouse.click(x, y);
    // SwiftShader draws slowly: let terra-draw handle the click before the next one.
    await this.page.waitForTimeout(150);
  }

  /** The longitude/latitude under a page pixel, read from the map's own projection. */
  async lngLatAt(x: number, y: number): Promise<[number, number]> {
    return this.page.evaluate(([px, py]) => {
      const map = (globalThis as unknown as { __tessera: { map: { unproject(p: [number, number]): { lng: number; lat: number }; getCanvas(): { getBoundingClientRect(): { left: number; top: number } } } } }).__tessera.map;
      const box = map.getCanvas().getBoundingClientRect();
      const { lng, lat } = map.unproject([px! - box.left, py! - box.top]);
      return [lng, lat] as [number, number];
    }, [x, y]);
  }

  /** Centres the map on a longitude/latitude at a zoom level, as a user would by scrolling, and waits for it. */
  async zoomTo(lon: number, lat: number, zoom: number): Promise<void> {
    await this.page.evaluate(([longitude, latitude, level]) => {
      const map = (globalThis as unknown as { __tessera: { map: { jumpTo(options: { center: [number, number]; zoom: number }): void } } }).__tessera.map;
      map.jumpTo({ center: [longitude!, latitude!], zoom: level! });
    }, [lon, lat, zoom]);
    await this.page.waitForTimeout(300);
    await this.waitForMap();
  }

  /**
   * Zooms on a parcel and clicks well inside it, so that it is the selected one (its tools show, or
   * for a viewer its panel); returns where on the page it was clicked.
   */
  async selectParcel(geometry: MultiPolygon, zoom: number, shows: 'tools' | 'panel' = 'tools'): Promise<{ x: number; y: number }> {
    const shown = shows === 'tools' ? this.page.getByRole('button', { name: 'Découper' }) : this.page.getByRole('region', { name: 'Parcelle', exact: true });
    return this.pickOnMap(geometry, zoom, 'click', shown);
  }

  /** Zooms on a parcel and clicks (or taps) well inside it until `shown` appears; returns where on the page. */
  private async pickOnMap(geometry: MultiPolygon, zoom: number, by: 'click' | 'tap', shown: Locator): Promise<{ x: number; y: number }> {
    const [lon, lat] = interiorPoint(geometry);
    await this.zoomTo(lon, lat, zoom);
    // SwiftShader may still be drawing the new view: a click that selected nothing is made again.
    for (let attempt = 1; ; attempt += 1) {
      await (by === 'click' ? this.clickMapAt(lon, lat) : this.tapMapAt(lon, lat));
      try {
        await shown.waitFor({ timeout: 10_000 });
        break;
      } catch (error) {
        if (attempt === 3) throw error;
        await this.waitForMap();
      }
    }
    return this.screenPoint(lon, lat);
  }

  /** Presses the mouse on a page pixel, drags it to another in small steps and releases it there. */
  async dragOnPage(from: { x: number; y: number }, to: { x: number; y: number }): Promise<void> {
    await this.page.mouse.move(from.x, from.y, { steps: 2 });
    await this.page.waitForTimeout(150);
    await this.page.mouse.down();
    await this.page.mouse.move(to.x, to.y, { steps: 12 });
    await this.page.waitForTimeout(150);
    await this.page.mouse.up();
    await this.page.waitForTimeout(300);
  }

  /** Clicks "Découper", draws the cutting line through these points and finishes it by clicking its last point again. */
  async splitSelectedParcelAlong(line: ReadonlyArray<readonly [number, number]>): Promise<void> {
    await this.clickButton('Découper');
    await this.page.getByText('Tracez la ligne de découpe').waitFor({ timeout: 30_000 });
    for (const [lon, lat] of line) await this.clickMapAt(lon, lat);
    const [lon, lat] = line.at(-1)!;
    await this.clickMapAt(lon, lat);
  }

  /** The status lines of the editor ("La ligne découpe la parcelle en 2 morceaux.", …), once there is one. */
  async editorStatus(): Promise<string> {
    const lines = this.page.locator('.editor [role="status"]');
    await lines.first().waitFor({ timeout: 30_000 });
    return (await lines.allInnerTexts()).map((line) => line.trim()).join('\n');
  }

  /** Clicks a button that saves a gesture in one request, then waits for the map to show it. */
  async confirmGesture(name: string | RegExp): Promise<void> {
    const answered = this.page.waitForResponse((response) => /\/api\/sites\/[^/]+\/parcels\/changes$/.test(new URL(response.url()).pathname), { timeout: 60_000 });
    await this.page.getByRole('button', { name }).click();
    const response = await answered;
    if (!response.ok()) throw new Error(`the gesture was refused: ${response.status()} ${await response.text()}`);
    await this.page.waitForTimeout(300);
    await this.waitForMap();
  }

  /** Opens the selected parcel's form and deletes it ("Supprimer", then "Confirmer la suppression"), in one request. */
  async deleteSelectedParcel(): Promise<void> {
    await this.startEditingSelectedParcel();
    await this.clickButton('Supprimer');
    await this.confirmGesture('Confirmer la suppression');
  }

  /**
   * Clicks "Fusionner…" for the selected parcel, picks the parcel of `geometry` on the map and confirms the
   * merge of the two; `screenshotBeforeConfirming` names a screenshot of the two picked.
   */
  async mergeSelectedWith(geometry: MultiPolygon, zoom: number, screenshotBeforeConfirming?: string): Promise<void> {
    await this.clickButton('Fusionner…');
    const [lon, lat] = interiorPoint(geometry);
    await this.zoomTo(lon, lat, zoom);
    // SwiftShader may still be drawing the new view: a click that picked nothing is made again.
    for (let attempt = 1; ; attempt += 1) {
      await this.clickMapAt(lon, lat);
      try {
        await expect.poll(() => this.editorStatus(), { timeout: 10_000 }).toMatch(/\(2 choisies\)/);
        break;
      } catch (error) {
        if (attempt === 3 || !/\(1 choisie\)/.test(await this.editorStatus())) throw error;
        await this.waitForMap();
      }
    }
    if (screenshotBeforeConfirming) await this.screenshot(screenshotBeforeConfirming);
    await this.confirmGesture('Fusionner 2 parcelles');
  }

  /** From now on, every write this tab sends to the API (method, path, Idempotency-Key), in order. */
  recordWrites(): Array<{ method: string; path: string; idempotencyKey: string | undefined }> {
    const writes: Array<{ method: string; path: string; idempotencyKey: string | undefined }> = [];
    this.page.on('request', (request) => {
      const path = new URL(request.url()).pathname;
      if (request.method() !== 'GET' && path.startsWith('/api/') && path !== '/api/session') {
        writes.push({ method: request.method(), path, idempotencyKey: request.headers()['idempotency-key'] });
      }
    });
    return writes;
  }

  /** Fills the attribute form of the parcel being drawn or edited. */
  async fillParcelForm(entry: ParcelFormEntry): Promise<void> {
    const form = this.page.locator('form.editor__form');
    await form.waitFor({ timeout: 30_000 });
    await form.getByLabel('Gestionnaire', { exact: true }).selectOption({ label: entry.organisation });
    for (const checkbox of await form.getByRole('group', { name: 'Services' }).getByRole('checkbox').all()) {
      const label = (await checkbox.evaluate((input) => input.parentElement?.textContent ?? '')).trim();
      await checkbox.setChecked(entry.services.includes(label));
    }
    if (entry.label !== undefined) await form.getByLabel('Libellé').fill(entry.label);
    if (entry.agreementRef !== undefined) await form.getByLabel('Référence de la convention').fill(entry.agreementRef);
  }

  /** Clicks (or taps) "Enregistrer", then waits for the form to close and the map to show the saved parcel. */
  async save(by: 'click' | 'tap' = 'click'): Promise<void> {
    await this.page.getByRole('button', { name: 'Enregistrer' })[by]();
    await this.page.locator('form.editor__form').waitFor({ state: 'detached', timeout: 60_000 });
    await this.page.waitForTimeout(300);
    await this.waitForMap();
  }

  /** Clicks "Modifier la parcelle" for the parcel shown in the side panel. */
  async startEditingSelectedParcel(): Promise<void> {
    await this.page.getByRole('button', { name: 'Modifier la parcelle' }).click();
    await this.page.locator('form.editor__form').waitFor({ timeout: 30_000 });
  }

  /** The area and vertex count the editor shows for the shape being edited ("Surface : 512,3 m², 7 sommets"). */
  async shapeFigures(): Promise<{ area: number; vertices: number }> {
    const text = (await this.page.getByTestId('shape-figures').innerText({ timeout: 30_000 })).replace(/\s/g, ' ');
    const match = /Surface : ([\d ,]+) m², (\d+) sommets?/.exec(text);
    if (!match) throw new Error(`shapeFigures: unexpected text "${text}"`);
    return { area: Number(match[1]!.replace(/ /g, '').replace(',', '.')), vertices: Number(match[2]) };
  }

  /** Presses or releases a toggle button of the editor ("Aimantation", "Sommets partagés"…) to the wanted state. */
  async setToggle(name: string, pressed: boolean): Promise<void> {
    const toggle = this.page.getByRole('button', { name, exact: true });
    if ((await toggle.getAttribute('aria-pressed')) !== String(pressed)) await toggle.click();
    expect(await toggle.getAttribute('aria-pressed')).toBe(String(pressed));
  }

  /** Clicks a button by its visible name. */
  async clickButton(name: string): Promise<void> {
    await this.page.getByRole('button', { name, exact: true }).click();
  }

  /** The heading of the open modal dialog. */
  async dialogHeading(): Promise<string> {
    return (await this.page.getByRole('dialog').getByRole('heading').innerText({ timeout: 30_000 })).trim();
  }

  /** The rows of the conflict dialog's table: the field, who changed it, their value and mine. */
  async conflictRows(): Promise<Array<{ field: string; theirs: string; mine: string }>> {
    const table = this.page.getByRole('dialog').getByRole('table');
    await table.waitFor({ timeout: 30_000 });
    return table.locator('tbody tr').evaluateAll((rows) => rows.map((row) => {
      const cells = [...row.children].map((cell) => (cell as unknown as { innerText: string }).innerText.replace(/\s+/g, ' ').trim());
      return { field: cells[0] ?? '', theirs: cells[1] ?? '', mine: cells[2] ?? '' };
    }));
  }

  /** The text in a field of the open attribute form, by its label. */
  async parcelFormText(label: 'Libellé' | 'Référence de la convention' | 'Notes'): Promise<string> {
    return this.page.locator('form.editor__form').getByLabel(label, { exact: true }).inputValue({ timeout: 30_000 });
  }

  /** Presses Ctrl+Z (outside any text field): the last saved gesture is undone, then the map reloads. */
  async undo(): Promise<void> {
    await this.pressHistoryKey('Control+z');
  }

  /** Presses Ctrl+Shift+Z: the last undone gesture is applied again, then the map reloads. */
  async redo(): Promise<void> {
    await this.pressHistoryKey('Control+Shift+z');
  }

  /** The title of the "Défaire" / "Rétablir" button (it names the step), and whether it can be clicked. */
  async historyButton(which: 'undo' | 'redo'): Promise<{ title: string; enabled: boolean }> {
    const button = this.page.getByRole('button', { name: which === 'undo' ? 'Défaire la dernière modification' : 'Rétablir la modification', exact: true });
    return { title: (await button.getAttribute('title')) ?? '', enabled: await button.isEnabled() };
  }

  /** Taps "Défaire" (or "Rétablir"): the last saved gesture is undone (or applied again), then the map reloads. */
  async tapHistoryButton(which: 'undo' | 'redo'): Promise<void> {
    const name = which === 'undo' ? 'Défaire la dernière modification' : 'Rétablir la modification';
    await this.inOneHistoryStep(() => this.page.getByRole('button', { name, exact: true }).tap());
  }

  private async pressHistoryKey(keys: string): Promise<void> {
    await this.inOneHistoryStep(() => this.page.keyboard.press(keys));
  }

  private async inOneHistoryStep(gesture: () => Promise<void>): Promise<void> {
    // A step goes back or forth in one request, whatever number of parcels it changed.
    const answered = this.page.waitForResponse((response) => /\/api\/sites\/[^/]+\/parcels\/changes$/.test(new URL(response.url()).pathname)
      && response.request().method() === 'POST', { timeout: 60_000 });
    await gesture();
    await answered;
    await this.page.waitForTimeout(300);
    await this.waitForMap();
  }

  /** Calls the API with this tab's session cookie; returns the status and the JSON body (if any). */
  async callApi<T = unknown>(method: 'GET' | 'POST' | 'PATCH' | 'DELETE', path: string, body?: unknown, headers: Record<string, string> = {}): Promise<{ status: number; body: T }> {
    const response = await this.page.request.fetch(inject('baseUrl') + path, { method, data: body, headers });
    const text = await response.text();
    return { status: response.status(), body: (text ? JSON.parse(text) : null) as T };
  }

  /** The figures of the browser engine's analysis, computed in the page's live-check worker. */
  async liveAnalysis(): Promise<{ gapCount: number; gapArea: number; overlapCount: number; overlapArea: number }> {
    const handle = await this.page.waitForFunction(() => (globalThis as unknown as { __tesseraLive?: unknown }).__tesseraLive ?? null, null, { timeout: 60_000 });
    return (await handle.jsonValue()) as { gapCount: number; gapArea: number; overlapCount: number; overlapArea: number };
  }

  /** The id of the (only) demo site. */
  async demoSiteId(): Promise<string> {
    return (await this.callApi<Array<{ id: string }>>('GET', '/api/sites')).body[0]!.id;
  }

  /**
   * Checks the demo site is back as other files expect it: its one cleaning gap and its one overlap
   * of ~407 m². On a difference, the message names each overlap's parcels, labels and versions.
   */
  async expectDemoDefectsBack(siteId: string): Promise<void> {
    type Overlap = { properties: { area: number; parcelIds: [string, string] } };
    const analysis = (await this.callApi<{ gaps: { features: Array<{ properties: { area: number } }> }; overlaps: { features: Overlap[] } }>(
      'GET', `/api/sites/${siteId}/analysis?phase=0&service=nettoiement`)).body;
    const gaps = analysis.gaps.features.length;
    const overlaps = analysis.overlaps.features;
    if (gaps === 1 && overlaps.length === 1 && Math.abs(overlaps[0]!.properties.area - 406.9) < 1) return;
    const described = await Promise.all(overlaps.map(async (feature) => {
      const parcels = await Promise.all(feature.properties.parcelIds.map(async (id) => {
        const parcel = (await this.callApi<{ properties: { label: string | null; version: number } }>('GET', `/api/parcels/${id}`)).body;
        return `${id} "${parcel.properties.label}" v${parcel.properties.version}`;
      }));
      return `${feature.properties.area.toFixed(2)} m² between ${parcels.join(' and ')}`;
    }));
    expect.fail(`the demo site is not back as it was: ${gaps} gap(s), overlaps: ${described.join('; ') || 'none'}`);
  }

  /**
   * The parcels in an overlap of the cleaning map: a click inside one may pick the parcel on top of it,
   * whichever the map draws last, so tests that select a parcel by a click choose among the others.
   */
  async overlappingParcelIds(siteId: string): Promise<Set<string>> {
    const analysis = (await this.callApi<{ overlaps: { features: Array<{ properties: { parcelIds: string[] } }> } }>(
      'GET', `/api/sites/${siteId}/analysis?phase=0&service=nettoiement`)).body;
    return new Set(analysis.overlaps.features.flatMap((feature) => feature.properties.parcelIds));
  }

  /** Deletes a parcel a test created, at its current version, if it is still there (leaves the demo as it was). */
  async deleteParcelIfPresent(parcelId: string): Promise<void> {
    const current = await this.callApi<{ properties: { version: number } }>('GET', `/api/parcels/${parcelId}`);
    if (current.status !== 200) return;
    const deleted = await this.callApi('DELETE', `/api/parcels/${parcelId}`, undefined, { 'If-Match': `"${current.body.properties.version}"` });
    if (deleted.status !== 204) throw new Error(`could not delete parcel ${parcelId}: ${deleted.status} ${JSON.stringify(deleted.body)}`);
  }

  /** Brings each parcel back to the version it had (deleted ones too), where it changed; a refusal fails the clean-up. */
  async restoreParcelVersions(versions: ReadonlyMap<string, number>): Promise<void> {
    for (const [parcelId, version] of versions) {
      const current = await this.callApi<{ properties: { version: number } }>('GET', `/api/parcels/${parcelId}`);
      if (current.status === 200 && current.body.properties.version === version) continue;
      const restored = await this.callApi('POST', `/api/parcels/${parcelId}/restore`, { version });
      if (restored.status !== 200) throw new Error(`could not restore parcel ${parcelId} to version ${version}: ${restored.status} ${JSON.stringify(restored.body)}`);
    }
  }


  /** Presses Tab (or Shift+Tab) until the control with this role and accessible name has the focus, as a keyboard user would. */
  async tabTo(role: 'button' | 'searchbox', name: string, direction: 'forwards' | 'backwards' = 'forwards'): Promise<void> {
    const target = this.page.getByRole(role, { name, exact: true });
    for (let presses = 0; presses <= 60; presses += 1) {
      if (await target.evaluateAll((elements) => elements.includes((globalThis as unknown as { document: { activeElement: (typeof elements)[number] } }).document.activeElement))) return;
      await this.page.keyboard.press(direction === 'forwards' ? 'Tab' : 'Shift+Tab');
    }
    throw new Error(`tabTo: ${role} "${name}" never had the focus after 60 presses`);
  }

  /** Presses a key (or a chord such as "Shift+Tab") on whatever has the focus. */
  async press(key: string): Promise<void> {
    await this.page.keyboard.press(key);
  }

  /** Types text on the keyboard into whatever has the focus. */
  async typeText(text: string): Promise<void> {
    await this.page.keyboard.type(text, { delay: 20 });
  }

  /** The text of the element that has the focus, on one line. */
  async focusedText(): Promise<string> {
    return this.page.evaluate(() => (globalThis as unknown as { document: { activeElement: { innerText?: string } | null } }).document.activeElement?.innerText?.replace(/\s+/g, ' ').trim() ?? '');
  }

  /** The items of the side panel's parcel list ("Parcelles trouvées"), each on one line; `marked` only those marked selected. */
  async parcelListItems(marked = false): Promise<string[]> {
    const items = this.page.getByRole('list', { name: 'Parcelles trouvées' }).getByRole('button');
    const texts = await (marked ? items.and(this.page.locator('[aria-current="true"]')) : items).allInnerTexts();
    return texts.map((text) => text.replace(/\s+/g, ' ').trim());
  }

  /** The label shown by the parcel panel ("Parcelle de gestion"), or null when no parcel is selected. */
  async selectedParcelLabel(): Promise<string | null> {
    const panel = this.page.getByRole('region', { name: 'Parcelle', exact: true });
    if ((await panel.count()) === 0) return null;
    return (await panel.locator('dt:text-is("Libellé") + dd').innerText()).trim();
  }

  /** The ids of the parcels the map outlines as selected (read from its selection layer). */
  async outlinedParcelIds(): Promise<string[]> {
    return this.page.evaluate(() => {
      const map = (globalThis as unknown as { __tessera: { map: { getFilter(layer: string): unknown } } }).__tessera.map;
      const filter = map.getFilter('parcels-selected-line') as ['in', unknown, ['literal', string[]]] | undefined;
      return filter?.[2]?.[1] ?? [];
    });
  }

  /** Taps a control by its role and accessible name, as a finger would. */
  async tap(role: 'button' | 'combobox' | 'textbox' | 'searchbox', name: string | RegExp): Promise<void> {
    await this.page.getByRole(role, { name, exact: typeof name === 'string' }).tap({ timeout: 30_000 });
  }

  /** Signs in from the header with taps: "Se connecter", each field, then "Connexion"; waits for the name to show. */
  async signInWithTaps(email: string, password = DEMO_PASSWORD): Promise<void> {
    await this.tap('button', 'Se connecter');
    const form = this.page.getByRole('form', { name: 'Connexion' });
    await form.getByLabel('Adresse e-mail').tap();
    await this.page.keyboard.type(email);
    await form.getByLabel('Mot de passe').tap();
    await this.page.keyboard.type(password);
    await form.getByRole('button', { name: 'Connexion' }).tap();
    await this.page.getByTestId('signed-in-user').waitFor({ timeout: 30_000 });
  }

  /** Taps the user's name in the header: the menu with "Se déconnecter" opens. */
  async openUserMenu(): Promise<void> {
    await this.page.getByRole('button').filter({ has: this.page.getByTestId('signed-in-user') }).tap();
    await this.page.getByRole('button', { name: 'Se déconnecter' }).waitFor({ timeout: 10_000 });
  }

  /** Taps the map at a longitude/latitude with a finger. */
  async tapMapAt(lon: number, lat: number): Promise<void> {
    const { x, y } = await this.screenPoint(lon, lat);
    await this.page.touchscreen.tap(x, y);
    await this.page.waitForTimeout(150);
  }

  /** Zooms on a parcel and taps well inside it, until the parcel panel shows it. */
  async tapParcel(geometry: MultiPolygon, zoom: number): Promise<void> {
    await this.pickOnMap(geometry, zoom, 'tap', this.page.getByRole('region', { name: 'Parcelle', exact: true }));
    // The map outlines the parcel once it has drawn again.
    await this.waitForMap();
  }

  /** Whether the bottom sheet of the panel is open; false when it is collapsed to its handle. */
  async panelOpen(): Promise<boolean> {
    return (await this.page.getByRole('button', { name: /^(Afficher|Réduire) le panneau$/ }).getAttribute('aria-expanded')) === 'true';
  }

  /** Taps the bottom sheet's handle to open or collapse the panel, then waits for the map to fit its new size. */
  async tapPanelHandle(): Promise<void> {
    await this.tap('button', /^(Afficher|Réduire) le panneau$/);
    await this.page.waitForTimeout(300);
    await this.waitForMap();
  }

  /** The sizes a phone user sees: the viewport, the document's width and the map's height. */
  async layout(): Promise<PageLayout> {
    return this.page.evaluate(() => {
      type Box = { getBoundingClientRect(): { height: number } };
      const { document } = globalThis as unknown as { document: { documentElement: { clientWidth: number; clientHeight: number; scrollWidth: number }; querySelector(selector: string): Box | null } };
      const root = document.documentElement;
      const mapHeight = document.querySelector('.site-map')?.getBoundingClientRect().height ?? 0;
      return { viewportWidth: root.clientWidth, viewportHeight: root.clientHeight, scrollWidth: root.scrollWidth, mapHeight };
    });
  }

  /** Whether the control is wholly on the screen (not off its edge, not scrolled away in the page). */
  async isOnScreen(role: 'button' | 'combobox' | 'region' | 'form', name: string | RegExp): Promise<boolean> {
    const control = this.page.getByRole(role, { name, exact: typeof name === 'string' }).first();
    // Hidden (in a collapsed panel, a closed menu): not on the screen, and not worth waiting for.
    if (!(await control.isVisible())) return false;
    const box = await control.boundingBox();
    const viewport = this.page.viewportSize()!;
    return box !== null && box.x >= 0 && box.y >= 0 && box.x + box.width <= viewport.width + 0.5 && box.y + box.height <= viewport.height + 0.5;
  }

  /** Whether a heading of the panel shows in the panel's visible part (not scrolled away, not cut off). */
  async isShownInPanel(heading: string): Promise<boolean> {
    const [box, panel] = await Promise.all([this.page.getByRole('heading', { name: heading, exact: true }).boundingBox(), this.page.locator('.site__panel-content').boundingBox()]);
    return box !== null && panel !== null && box.y >= panel.y - 0.5 && box.y + box.height <= panel.y + panel.height + 0.5;
  }

  /** The header's and the panel's visible buttons, fields and lists' items smaller than 44 × 44 px (none on a touch screen). */
  async smallTapTargets(): Promise<SmallTarget[]> {
    return this.page.locator('header button, header a, .site__panel button, .site__panel select, .site__panel input, .maplibregl-ctrl button').evaluateAll((elements) =>
      elements.flatMap((control) => {
        // A check box is tapped through its whole label.
        const element = control.getAttribute('type') === 'checkbox' ? control.closest('label') ?? control : control;
        const box = element.getBoundingClientRect();
        if (box.width === 0 && box.height === 0) return [];
        const name = element.getAttribute('aria-label') ?? (element as unknown as { innerText: string }).innerText.trim().replace(/\s+/g, ' ');
        // A text field or a list item spans the panel's width: only its height matters.
        const wide = ['INPUT', 'SELECT'].includes(element.tagName) || box.width >= 120;
        const small = box.height < 43.5 || (!wide && box.width < 43.5);
        return small ? [{ control: `${element.tagName.toLowerCase()} "${name}"`, width: Math.round(box.width), height: Math.round(box.height) }] : [];
      }));
  }

  /** Whether the page sees a touch screen as its main pointer (the CSS media query `(pointer: coarse)`). */
  async hasCoarsePointer(): Promise<boolean> {
    return this.page.evaluate(() => (globalThis as unknown as { matchMedia(query: string): { matches: boolean } }).matchMedia('(pointer: coarse)').matches);
  }

  /** The editor's hints on screen, on one line each, once there is one (the first gesture waits for the editor's code). */
  async editorHints(): Promise<string[]> {
    const hints = this.page.locator('.editor .editor__hint');
    await hints.first().waitFor({ timeout: 30_000 });
    return (await hints.allInnerTexts()).map((text) => text.replace(/\s+/g, ' ').trim());
  }

  /** Saves a screenshot under tests/e2e/artifacts/ and returns its path. */
  async screenshot(name: string): Promise<string> {
    mkdirSync(ARTIFACTS, { recursive: true });
    const path = join(ARTIFACTS, `${name}.png`);
    await this.page.screenshot({ path });
    return path;
  }
}
