// The only module of the end-to-end tests that talks to Playwright: tests read like a user's steps.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { inject } from 'vitest';

const ARTIFACTS = join(import.meta.dirname, 'artifacts');
/** SwiftShader renders WebGL in software: seconds per frame, so waits are generous. */
const MAP_TIMEOUT_MS = 120_000;

const CHROMIUM_ARGS = [
  '--headless=new', '--no-sandbox', '--use-angle=swiftshader', '--enable-unsafe-swiftshader',
  '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic', '--no-first-run',
];

/** Starts Debian's Chromium. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: inject('chromiumPath'), args: CHROMIUM_ARGS, headless: true });
}

/** A person using Tessera in one browser tab. */
export class TesseraUser {
  readonly errors: string[] = [];

  private constructor(readonly page: Page) {
    page.on('pageerror', (error) => this.errors.push(error.message));
  }

  /** Opens a new tab. */
  static async in(browser: Browser): Promise<TesseraUser> {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    return new TesseraUser(page);
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

  /** Number of distinct parcels the map has actually rendered in the viewport (read when idle). */
  renderedParcelCount(): Promise<number> {
    return this.page.evaluate(() => {
      const hook = (globalThis as unknown as { __tessera?: { renderedParcelCount: number } }).__tessera;
      return hook ? hook.renderedParcelCount : 0;
    });
  }

  /** The names listed in the legend. */
  async legendEntries(): Promise<string[]> {
    return (await this.page.getByRole('region', { name: 'Légende' }).locator('li').allInnerTexts()).map((text) => text.trim());
  }

  /** Chooses a service in the service filter, by its visible label. */
  async chooseService(label: string): Promise<void> {
    await this.page.getByLabel('Service').selectOption({ label });
    // The map marks itself not ready as soon as the parcels change; give React a moment to get there.
    await this.page.waitForTimeout(300);
    await this.waitForMap();
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
  async findings(list: 'Liste des manques' | 'Liste des chevauchements' | 'Liste des débords'): Promise<string[]> {
    return (await this.page.getByRole('list', { name: list }).getByRole('button').allInnerTexts()).map((text) => text.trim());
  }

  /** Clicks a finding of the analysis panel, then waits for the map to settle on it. */
  async focusFinding(label: string): Promise<void> {
    await this.page.getByRole('button', { name: label }).click();
    await this.page.waitForTimeout(300);
    await this.waitForMap();
  }

  /** The map's zoom level. */
  mapZoom(): Promise<number> {
    return this.page.evaluate(() => (globalThis as unknown as { __tessera: { map: { getZoom(): number } } }).__tessera.map.getZoom());
  }

  /** Saves a screenshot under tests/e2e/artifacts/ and returns its path. */
  async screenshot(name: string): Promise<string> {
    mkdirSync(ARTIFACTS, { recursive: true });
    const path = join(ARTIFACTS, `${name}.png`);
    await this.page.screenshot({ path });
    return path;
  }
}
