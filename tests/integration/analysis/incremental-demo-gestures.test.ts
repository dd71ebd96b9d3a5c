import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  insertSharedVertices, mergeParcels, moveSharedVertex, roundInsertions, roundToDrawingPrecision, splitParcel,
  type MultiPolygon, type Position, type SiteAnalysis,
} from '../../../core/index.js';
import { loadDemo } from '../../../server/demo/load-demo.js';
import { TestApi, type Caller } from '../../support/api.js';
import { readDemoSite } from '../../support/demo-site.js';
import { areaOf, interiorPoint, vertexKeys } from '../../support/parcel-geometry.js';
import { createTestDatabase, type TestDatabase } from '../../support/test-database.js';
import { incrementalAndFull, rawPieces } from './analysis-snapshot.js';

// The gestures of tests/e2e/topology.e2e.test.ts, sent as the editor sends them (one request per
// gesture and per undo or redo, shapes computed by core/editing), then the file's clean-up (each
// reshaped parcel restored to its first version, one request each): the stored analysis must equal a
// full recomputation after every request, and the demo's defects be back at the end.

interface Parcel {
  id: string;
  geometry: MultiPolygon;
  properties: { version: number; organisationId: string; services: string[]; fromPhase: number; toPhase: number | null } & Record<string, unknown>;
}
/** One parcel's side of a saved gesture (null: not there). */
interface Change { id: string; before: Parcel | null; after: Parcel | null }

function writable(parcel: Parcel): Record<string, unknown> {
  const { version: _version, updatedAt: _updatedAt, updatedBy: _updatedBy, ...properties } = parcel.properties;
  return properties;
}

describe('the demo site after the topology gestures, their undo and redo, and a restore of every parcel', () => {
  let database: TestDatabase;
  let api: TestApi;
  let coordinator: Caller;
  let siteId: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    await loadDemo(database.pool);
    siteId = (await readDemoSite(database.pool)).siteId;
    api = await TestApi.start(database.pool);
    coordinator = await api.signIn('coordination@tessera.demo');
  });
  afterAll(async () => {
    await api.close();
    await database.drop();
  });

  it('keeps the stored analysis equal to a full recomputation and ends with the demo defects only', { timeout: 180_000 }, async () => {
    const divergences: string[] = [];
    const check = async (step: string) => {
      const { incremental, full } = await incrementalAndFull(database.pool, siteId);
      const notGaps = (raw: string[]) => raw.filter((line) => !line.startsWith('gap '));
      if (JSON.stringify(incremental.summary.map(({ gaps, pairs, overflowing }) => [gaps, pairs, overflowing])) !== JSON.stringify(full.summary.map(({ gaps, pairs, overflowing }) => [gaps, pairs, overflowing]))) {
        divergences.push(`${step}: pieces over the tolerance differ`);
      }
      if (notGaps(incremental.raw).join('\n') !== notGaps(full.raw).join('\n')) divergences.push(`${step}: overlaps or overflow differ\n${notGaps(incremental.raw).join('\n')}\n≠\n${notGaps(full.raw).join('\n')}`);
    };
    const parcelsAtPhase0 = async () => (await api.call<{ features: Parcel[] }>('GET', `/api/sites/${siteId}/parcels?phase=0`, coordinator)).body.features.filter((parcel) => parcel.properties.fromPhase === 0);
    const cleaning = (parcels: readonly Parcel[]) => parcels.filter((parcel) => parcel.properties.services.includes('nettoiement'));
    const versionsBefore = new Map((await parcelsAtPhase0()).map((parcel) => [parcel.id, parcel.properties.version]));
    const created = new Set<string>();
    const overlapsAndOverflowAtStart = (await rawPieces(database.pool, siteId)).filter((line) => !line.startsWith('gap '));

    /** Saves a gesture (requests in order, with each parcel's state before); the changes as the server answered, null for a refused move. */
    const save = async (requests: Array<Record<string, unknown>>, befores: Array<Parcel | null>, step: string): Promise<Change[] | null> => {
      const answer = await api.call<{ results: Array<Parcel | null> }>('POST', `/api/sites/${siteId}/parcels/changes`, coordinator, { body: { changes: requests } });
      // A move may make a parcel cross itself: refused, as the editor would refuse it.
      if (answer.status === 422 && step.startsWith('move')) return null;
      expect(answer.status, `${step}: ${JSON.stringify(answer.body)}`).toBe(200);
      await check(step);
      return answer.body.results.map((after, index) => ({ id: befores[index]?.id ?? after!.id, before: befores[index] ?? null, after }));
    };
    /** The editor's undo (each change reversed, last first) or redo, in one request. */
    const replay = async (changes: Change[], direction: 'undo' | 'redo', step: string): Promise<Change[]> => {
      const ordered = direction === 'undo' ? [...changes].reverse() : changes;
      const requests = ordered.map(({ id, before, after }) => {
        const [from, to] = direction === 'undo' ? [after, before] : [before, after];
        if (from && !to) return { action: 'delete', id, version: from.properties.version };
        if (!from && to) return { action: 'restore', id, version: to.properties.version, expectedVersion: to.properties.version + 1 };
        return { action: 'update', id, version: from!.properties.version, geometry: to!.geometry, properties: writable(to!) };
      });
      const answer = await api.call<{ results: Array<Parcel | null> }>('POST', `/api/sites/${siteId}/parcels/changes`, coordinator, { body: { changes: requests } });
      expect(answer.status, `${step}: ${JSON.stringify(answer.body)}`).toBe(200);
      await check(step);
      return changes.map((change) => {
        const result = answer.body.results[ordered.indexOf(change)] ?? null;
        if (result === null) return change;
        return direction === 'undo' ? { ...change, before: result } : { ...change, after: result };
      });
    };

    // The e2e file takes the first vertex two cleaning parcels share, in the order of their ids, which
    // the demo loader draws at random: every twentieth of them here, each moved a few metres towards the
    // middle of its neighbours on the ring, then undone.
    let parcels = await parcelsAtPhase0();
    const owners = new Map<string, Parcel[]>();
    for (const parcel of parcels) for (const vertex of vertexKeys(parcel.geometry)) owners.set(vertex, [...(owners.get(vertex) ?? []), parcel]);
    const shown = new Set(cleaning(parcels).map((parcel) => parcel.id));
    const sharedVertices = [...owners].filter(([, those]) => those.length === 2 && those.every((parcel) => shown.has(parcel.id) && areaOf(parcel.geometry) > 150));
    let movesSaved = 0;
    for (const [sharedKey, owning] of sharedVertices.filter((_, index) => index % 20 === 0)) {
      // At their current versions (an earlier move and its undo may have taken one up twice).
      const pair = await Promise.all(owning.map(async (parcel) => (await api.call<Parcel>('GET', `/api/parcels/${parcel.id}`, coordinator)).body));
      const from = sharedKey.split(',').map(Number) as Position;
      const ring = pair[0]!.geometry.coordinates.flat().find((each) => each.some((position) => position.join(',') === sharedKey))!.slice(0, -1);
      const at = ring.findIndex((position) => position.join(',') === sharedKey);
      const [previous, next] = [ring.at(at - 1)!, ring[(at + 1) % ring.length]!];
      const towards: Position = [(previous[0]! + next[0]!) / 2 - from[0], (previous[1]! + next[1]!) / 2 - from[1]];
      const share = Math.min(0.4, 0.00006 / Math.hypot(towards[0], towards[1]));
      const to = [from[0] + towards[0] * share, from[1] + towards[1] * share].map((value) => Math.round(value * 1e9) / 1e9) as Position;
      const moved = moveSharedVertex(pair, from, to);
      expect(moved).toHaveLength(2);
      const move = await save(moved.map((parcel) => ({ action: 'update', id: parcel.id, version: pair.find((each) => each.id === parcel.id)!.properties.version, geometry: parcel.geometry })),
        moved.map((parcel) => pair.find((each) => each.id === parcel.id)!), `move ${sharedKey}`);
      if (move === null) continue;
      movesSaved += 1;
      await replay(move, 'undo', `undo move ${sharedKey}`);
    }
    expect(movesSaved).toBeGreaterThan(3);

    // The largest cleaning parcel of 400–4,000 m² split north–south through its inside point, crossings added to the neighbours; undone, redone.
    parcels = await parcelsAtPhase0();
    const target = cleaning(parcels).filter((parcel) => parcel.geometry.coordinates.length === 1 && parcel.geometry.coordinates[0]!.length === 1)
      .filter((parcel) => areaOf(parcel.geometry) > 400 && areaOf(parcel.geometry) < 4000)
      .sort((a, b) => areaOf(b.geometry) - areaOf(a.geometry))[0]!;
    const [lon] = interiorPoint(target.geometry);
    const latitudes = target.geometry.coordinates[0]![0]!.map((position) => position[1]!);
    const split = splitParcel(target.geometry, [[lon, Math.min(...latitudes) - 0.0001], [lon + 0.00001, Math.max(...latitudes) + 0.0001]]);
    if (split.kind !== 'split') throw new Error(split.message);
    const pieces = split.pieces.map(roundToDrawingPrecision);
    const neighbours = insertSharedVertices(parcels.filter((parcel) => parcel.id !== target.id), roundInsertions(split.newVertices));
    expect(neighbours.length).toBeGreaterThan(0);
    let splitChanges = (await save([
      { action: 'update', id: target.id, version: target.properties.version, geometry: pieces[0] },
      ...pieces.slice(1).map((piece) => ({ action: 'create', feature: { type: 'Feature', geometry: piece, properties: writable(target) } })),
      ...neighbours.map((neighbour) => ({ action: 'update', id: neighbour.id, version: parcels.find((each) => each.id === neighbour.id)!.properties.version, geometry: neighbour.geometry })),
    ], [target, ...pieces.slice(1).map(() => null), ...neighbours.map((neighbour) => parcels.find((each) => each.id === neighbour.id)!)], 'split'))!;
    for (const change of splitChanges) if (change.before === null) created.add(change.id);
    splitChanges = await replay(splitChanges, 'undo', 'undo split');
    await replay(splitChanges, 'redo', 'redo split');

    // Two neighbouring cleaning parcels of one manager merged, then undone: the e2e file takes the first
    // pair in id order, the first one kept; here every pair, either one kept (the split's pieces are there).
    parcels = await parcelsAtPhase0();
    const single = cleaning(parcels).filter((parcel) => parcel.geometry.coordinates.length === 1);
    const mergeable = single.flatMap((a) => single.filter((b) => a.id !== b.id && a.properties.organisationId === b.properties.organisationId
      && [...vertexKeys(a.geometry)].filter((vertex) => vertexKeys(b.geometry).has(vertex)).length >= 2).map((b) => [a.id, b.id] as const));
    expect(mergeable.length).toBeGreaterThan(1);
    for (const [firstId, secondId] of mergeable) {
      const [first, second] = [(await api.call<Parcel>('GET', `/api/parcels/${firstId}`, coordinator)).body, (await api.call<Parcel>('GET', `/api/parcels/${secondId}`, coordinator)).body];
      const merged = roundToDrawingPrecision(mergeParcels([first.geometry, second.geometry]));
      const merge = await save([
        { action: 'update', id: first.id, version: first.properties.version, geometry: merged, properties: { services: [...new Set([...first.properties.services, ...second.properties.services])] } },
        { action: 'delete', id: second.id, version: second.properties.version },
      ], [first, second], `merge ${first.id} ${second.id}`);
      await replay(merge!, 'undo', `undo merge ${first.id} ${second.id}`);
    }

    // The clean-up: the pieces deleted, every parcel whose version changed restored to its first one, one request each.
    for (const id of created) {
      const current = await api.call<Parcel>('GET', `/api/parcels/${id}`, coordinator);
      if (current.status !== 200) continue;
      expect((await api.call('DELETE', `/api/parcels/${id}`, coordinator, { headers: { 'if-match': `"${current.body.properties.version}"` } })).status).toBe(204);
    }
    for (const [id, version] of versionsBefore) {
      const current = await api.call<Parcel>('GET', `/api/parcels/${id}`, coordinator);
      if (current.status === 200 && current.body.properties.version === version) continue;
      expect((await api.call('POST', `/api/parcels/${id}/restore`, coordinator, { body: { version } })).status).toBe(200);
    }
    await check('clean-up');

    expect(divergences).toEqual([]);
    // Every overlapping pair and overflow piece as it was, slivers included.
    expect((await rawPieces(database.pool, siteId)).filter((line) => !line.startsWith('gap '))).toEqual(overlapsAndOverflowAtStart);
    const analysis = (await api.call<SiteAnalysis>('GET', `/api/sites/${siteId}/analysis?phase=0&service=nettoiement`, coordinator)).body;
    expect(analysis.gaps.features).toHaveLength(1);
    expect(analysis.overlaps.features.map((feature) => Math.round(feature.properties.area * 10) / 10)).toEqual([406.9]);
  });
});
