import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, TesseraUser } from './driver.js';

describe('an elected official opens the demo site', () => {
  let browser: Browser;
  let user: TesseraUser;
  beforeAll(async () => {
    browser = await launchBrowser();
    user = await TesseraUser.in(browser);
  });
  afterAll(() => browser.close());

  it('loads the page anonymously without a single error in the console, with the site icon', async () => {
    await user.open('/');
    expect(await user.renderedParcelCount()).toBeGreaterThan(10);
    expect(user.consoleErrors, 'the anonymous session check is not an error').toEqual([]);
    expect(await user.pageIcon()).toEqual({ href: expect.stringMatching(/\/favicon\.svg$/), status: 200, contentType: 'image/svg+xml' });
  });

  it('sees the cleaning parcels of the current phase coloured by organisation, with a legend', async () => {
    await user.open('/');
    expect(await user.selectedService()).toBe('Nettoiement');
    expect(await user.renderedParcelCount()).toBeGreaterThan(10);
    const legend = await user.legendEntries();
    expect(legend.length).toBeGreaterThanOrEqual(3);
    expect(legend.join(' ')).toMatch(/Ville/);
    await user.screenshot('site-map');
    expect(user.errors).toEqual([]);
    expect(user.consoleErrors).toEqual([]);
  });

  it('filters the parcels by service', async () => {
    const cleaning = await user.renderedParcelCount();
    await user.chooseService('Espaces verts');
    const green = await user.renderedParcelCount();
    expect(green).toBeGreaterThan(0);
    expect(green).not.toBe(cleaning);
    await user.screenshot('site-map-espaces-verts');
    await user.chooseService('Tous les services');
    expect(await user.renderedParcelCount()).toBeGreaterThan(Math.max(cleaning, green));
  });
});
