import { describe, expect, it } from 'vitest';
import type { MultiPolygon, ParcelCollection, ParcelFeature } from '../../../core/index.js';
import { queryKeys, siteQueries, createQueryClient, storeParcelWrites } from '../../../web/src/api/site-queries.js';
import { applyParcelWrites, writesOf } from '../../../web/src/domain/parcel-writes.js';
import { deepFreeze } from '../../support/deep-freeze.js';

const CITY = '00000000-0000-4000-8000-000000000001';
const square = (x: number, size = 1): MultiPolygon => ({ type: 'MultiPolygon', coordinates: [[[[x, 0], [x + size, 0], [x + size, size], [x, size], [x, 0]]]] });

function parcel(id: string, x: number, version = 1, phases: { fromPhase: number; toPhase: number | null } = { fromPhase: 0, toPhase: null }): ParcelFeature {
  return deepFreeze({
    type: 'Feature',
    id,
    geometry: square(x),
    properties: {
      organisationId: CITY, services: ['nettoiement'], ownerId: null, label: `P${id}`, agreementRef: null, notes: null,
      ...phases, version, updatedAt: '2026-01-01T00:00:00Z', updatedBy: 'someone',
    },
  });
}

const collection = (...features: ParcelFeature[]): ParcelCollection => deepFreeze({ type: 'FeatureCollection', features });
const ids = (parcels: ParcelCollection) => parcels.features.map((feature) => `${feature.id}@${feature.properties.version}`);

describe('writesOf', () => {
  it('names each written parcel: by its result, or by its request when deleted', () => {
    const created = parcel('n', 5);
    const updated = parcel('a', 0, 2);
    expect(writesOf([
      { action: 'create', feature: { type: 'Feature', geometry: square(5), properties: {} } },
      { action: 'update', id: 'a', version: 1, geometry: square(0) },
      { action: 'delete', id: 'b', version: 1 },
    ] as never, [created, updated, null])).toEqual([{ id: 'n', feature: created }, { id: 'a', feature: updated }, { id: 'b', feature: null }]);
  });
});

describe('applyParcelWrites', () => {
  const shown = collection(parcel('a', 0), parcel('c', 2), parcel('e', 4));

  it('replaces the updated parcels, removes the deleted ones and adds the new ones in id order, as the server lists them', () => {
    const next = applyParcelWrites(shown, 0, [
      { id: 'c', feature: parcel('c', 2, 2) },
      { id: 'e', feature: null },
      { id: 'b', feature: parcel('b', 1) },
      { id: 'z', feature: parcel('z', 9) },
    ]);
    expect(ids(next)).toEqual(['a@1', 'b@1', 'c@2', 'z@1']);
  });

  it('keeps a phase to the parcels alive at it: one whose range no longer holds the phase leaves it, one that now does comes in', () => {
    const ended = parcel('a', 0, 2, { fromPhase: 0, toPhase: 1 });
    const later = parcel('b', 1, 1, { fromPhase: 1, toPhase: null });
    expect(ids(applyParcelWrites(shown, 1, [{ id: 'a', feature: ended }, { id: 'b', feature: later }]))).toEqual(['b@1', 'c@1', 'e@1']);
    expect(ids(applyParcelWrites(shown, 0, [{ id: 'a', feature: ended }, { id: 'b', feature: later }]))).toEqual(['a@2', 'c@1', 'e@1']);
  });

  it('gives the same collection back when no write touches the phase, so nothing is drawn again', () => {
    expect(applyParcelWrites(shown, 0, [{ id: 'q', feature: null }, { id: 'r', feature: parcel('r', 7, 1, { fromPhase: 2, toPhase: null }) }])).toBe(shown);
  });
});

describe('storeParcelWrites', () => {
  it('writes the answer into every cached phase of the site, leaves other sites alone and marks only the analyses to load again', () => {
    const queryClient = createQueryClient();
    const atPhase = (phase: number) => siteQueries.parcels('site-1', phase).queryKey;
    queryClient.setQueryData(atPhase(0), collection(parcel('a', 0), parcel('c', 2)));
    queryClient.setQueryData(atPhase(1), collection(parcel('c', 2)));
    queryClient.setQueryData(siteQueries.parcels('site-2', 0).queryKey, collection(parcel('a', 0)));
    queryClient.setQueryData(siteQueries.buildings('site-1', 0).queryKey, { type: 'FeatureCollection', features: [] });
    queryClient.setQueryData(siteQueries.analysis('site-1', 0, 'nettoiement').queryKey, { coverage: 1 } as never);

    storeParcelWrites(queryClient, 'site-1', [{ id: 'a', feature: parcel('a', 0, 2, { fromPhase: 0, toPhase: 1 }) }, { id: 'c', feature: null }]);

    expect(ids(queryClient.getQueryData(atPhase(0))!)).toEqual(['a@2']);
    expect(ids(queryClient.getQueryData(atPhase(1))!)).toEqual([]);
    expect(ids(queryClient.getQueryData(siteQueries.parcels('site-2', 0).queryKey)!)).toEqual(['a@1']);
    const state = (queryKey: readonly unknown[]) => queryClient.getQueryState(queryKey)!;
    expect(state(atPhase(0)).isInvalidated).toBe(false);
    expect(state(siteQueries.buildings('site-1', 0).queryKey).isInvalidated).toBe(false);
    expect(state(siteQueries.analysis('site-1', 0, 'nettoiement').queryKey).isInvalidated).toBe(true);
    expect(queryKeys.analysis('site-1')).toEqual(['sites', 'site-1', 'analysis']);
  });
});
