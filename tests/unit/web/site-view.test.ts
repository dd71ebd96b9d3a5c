import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SITE_VIEW, formatCamera, formatSiteView, parseSiteView, resolveSiteView, type SiteView,
} from '../../../web/src/routing/site-view.js';

const PARCEL_ID = '0b6f1c2e-5d1a-4c43-9a57-2f4b8d9e7a10';
const VIEWS: SiteView[] = [
  DEFAULT_SITE_VIEW,
  { phase: 2, serviceCode: 'espaces_verts', parcelId: PARCEL_ID, camera: { center: [2.480412, 48.898613], zoom: 18.25 } },
  { phase: 0, serviceCode: null, parcelId: null, camera: { center: [-1.5, -33.25], zoom: 3 } },
  { phase: 1, serviceCode: 'collecte_om', parcelId: PARCEL_ID, camera: null },
];

describe('a site page view in the URL', () => {
  it('reads back every view it writes, twice over', () => {
    for (const view of VIEWS) {
      const query = formatSiteView(view);
      expect(parseSiteView(query)).toEqual(view);
      expect(formatSiteView(parseSiteView(query))).toBe(query);
    }
  });

  it('writes a readable query: all services as "all", the camera as zoom/latitude/longitude, no selection and the whole site left out', () => {
    expect(formatSiteView(VIEWS[1]!)).toBe(`?phase=2&service=espaces_verts&parcel=${PARCEL_ID}&map=18.25/48.898613/2.480412`);
    expect(formatSiteView(VIEWS[2]!)).toBe('?phase=0&service=all&map=3.00/-33.250000/-1.500000');
    expect(formatSiteView(DEFAULT_SITE_VIEW)).toBe('?phase=0&service=nettoiement');
  });

  it('rounds the camera to about 10 cm and a hundredth of a zoom level', () => {
    const camera = { center: [2.48041234567, 48.8986129999] as [number, number], zoom: 17.123456 };
    expect(formatCamera(camera)).toBe('17.12/48.898613/2.480412');
    expect(parseSiteView(formatSiteView({ ...DEFAULT_SITE_VIEW, camera })).camera).toEqual({ center: [2.480412, 48.898613], zoom: 17.12 });
  });

  it('opens the default view without a query, or with only unknown parameters', () => {
    expect(parseSiteView('')).toEqual(DEFAULT_SITE_VIEW);
    expect(parseSiteView('?')).toEqual(DEFAULT_SITE_VIEW);
    expect(parseSiteView('?zoom=3&foo=bar')).toEqual(DEFAULT_SITE_VIEW);
  });

  it('falls back to each default for a malformed value, and keeps the well-formed others', () => {
    const cases: Array<[string, Partial<SiteView>]> = [
      ['?phase=-1', {}], ['?phase=1.5', {}], ['?phase=abc', {}], ['?phase=', {}], ['?phase=99999', {}],
      ['?service=Nettoiement', {}], ['?service=<script>', {}], ['?service=', {}],
      ['?parcel=', {}], ['?parcel=a%20b', {}], [`?parcel=${'x'.repeat(101)}`, {}],
      ['?map=18/48.9', {}], ['?map=18/48.9/2.48/1', {}], ['?map=abc/48.9/2.48', {}], ['?map=30/48.9/2.48', {}],
      ['?map=18/91/2.48', {}], ['?map=18/48.9/181', {}], ['?map=18/48.9/Infinity', {}], ['?map=1e3/48.9/2.48', {}],
      ['?phase=3&service=bogus!&map=nope', { phase: 3 }],
      ['?phase=x&service=voirie&parcel=abc', { serviceCode: 'voirie', parcelId: 'abc' }],
    ];
    for (const [query, kept] of cases) expect(parseSiteView(query), query).toEqual({ ...DEFAULT_SITE_VIEW, ...kept });
  });

  it('falls back to the default phase and service when the site has no such phase or service', () => {
    const site = { phases: [0, 1], serviceCodes: ['nettoiement', 'espaces_verts'] };
    const unknown: SiteView = { phase: 99, serviceCode: 'voirie', parcelId: PARCEL_ID, camera: VIEWS[1]!.camera };
    expect(resolveSiteView(unknown, site)).toEqual({ ...unknown, phase: 0, serviceCode: 'nettoiement' });
    const known = VIEWS[3]!;
    expect(resolveSiteView({ ...known, serviceCode: 'espaces_verts' }, site)).toEqual({ ...known, serviceCode: 'espaces_verts' });
    // The same object when nothing falls back, so that the page does not write the URL again.
    const allServices = { ...known, serviceCode: null };
    expect(resolveSiteView(allServices, site)).toBe(allServices);
    expect(resolveSiteView(unknown, null)).toBe(unknown);
  });
});
