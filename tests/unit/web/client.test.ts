import { describe, expect, it } from 'vitest';
import { ApiError, createApiClient } from '../../../web/src/api/client.js';

function fakeFetch(status: number, body: string, calls: string[] = []): typeof fetch {
  return async (input) => {
    calls.push(String(input));
    return new Response(body, { status, headers: { 'Content-Type': 'application/json' } });
  };
}

describe('createApiClient', () => {
  it('builds the URLs of the API', async () => {
    const calls: string[] = [];
    const client = createApiClient('/api', fakeFetch(200, '[]', calls));
    await client.listSites();
    await client.getParcels('site 1', 2);
    await client.getBuildings('s', 0);
    await client.getContext('s');
    await client.listPhases('s');
    expect(calls).toEqual([
      '/api/sites',
      '/api/sites/site%201/parcels?phase=2',
      '/api/sites/s/buildings?phase=0',
      '/api/sites/s/context',
      '/api/sites/s/phases',
    ]);
  });

  it('returns the parsed body on success', async () => {
    const client = createApiClient('/api', fakeFetch(200, '[{"code":"nettoiement","labelFr":"Nettoiement","labelEn":"Cleaning"}]'));
    expect(await client.listServices()).toEqual([{ code: 'nettoiement', labelFr: 'Nettoiement', labelEn: 'Cleaning' }]);
  });

  it("throws an ApiError carrying the server's code, message and field", async () => {
    const client = createApiClient('/api', fakeFetch(404, '{"code":"site_not_found","message":"No such site","field":"siteId"}'));
    const error = await client.getSite('nope').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 404, code: 'site_not_found', message: 'No such site', field: 'siteId' });
  });

  it('reads the anonymous session as null and a signed-in one as the user', async () => {
    expect(await createApiClient('/api', fakeFetch(200, 'null')).getSession()).toBeNull();
    const user = { id: 'u', email: 'elu@tessera.demo', displayName: 'Élu', roles: [] };
    expect(await createApiClient('/api', fakeFetch(200, JSON.stringify(user))).getSession()).toEqual(user);
  });

  it('still throws a useful ApiError when the body is not JSON', async () => {
    const client = createApiClient('/api', fakeFetch(502, '<html>Bad gateway</html>'));
    await expect(client.listSites()).rejects.toMatchObject({ status: 502, code: 'http_502' });
  });
});
