import { describe, expect, it } from 'vitest';
import { parseRoute, sitePath } from '../../../web/src/routing/route.js';

describe('parseRoute', () => {
  it('reads the home and site pages', () => {
    expect(parseRoute('/')).toEqual({ name: 'home' });
    expect(parseRoute('')).toEqual({ name: 'home' });
    expect(parseRoute('/sites/abc-123')).toEqual({ name: 'site', siteId: 'abc-123' });
    expect(parseRoute('/sites/abc-123/')).toEqual({ name: 'site', siteId: 'abc-123' });
  });

  it('says not-found for anything else, including a broken escape', () => {
    expect(parseRoute('/sites')).toEqual({ name: 'not-found' });
    expect(parseRoute('/sites/a/b')).toEqual({ name: 'not-found' });
    expect(parseRoute('/sites/%E0%A4%A')).toEqual({ name: 'not-found' });
  });

  it('round-trips sitePath', () => {
    expect(parseRoute(sitePath('a b/c'))).toEqual({ name: 'site', siteId: 'a b/c' });
  });
});
