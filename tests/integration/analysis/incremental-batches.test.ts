import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MultiPolygon } from '../../../core/index.js';
import type { Caller, TestApi } from '../../support/api.js';
import type { TestDatabase } from '../../support/test-database.js';
import { seededRandom } from '../../support/seeded-random.js';
import { incrementalAndFull, type SnapshotRow } from './analysis-snapshot.js';
import { createGridSite, type GridSite } from './grid-site.js';
import { JitteredGrid } from './jittered-grid.js';

// Gestures of the editor saved as one request each (POST /sites/:siteId/parcels/changes), so that one
// statement updates, inserts or deletes several parcels: a shared vertex moved in every parcel that
// has it, a split whose crossings are added to the neighbours, a merge, several deletions, and the
// undo and redo of any of them. The stored analysis is compared with a full recomputation after each.

const SERVICES = ['nettoiement', 'espaces_verts', 'collecte_om'];
const BATCHES = 150;
type Position = [number, number];

interface Parcel {
  id: string;
  geometry: MultiPolygon;
  properties: { version: number; organisationId: string; services: string[]; fromPhase: number; toPhase: number | null } & Record<string, unknown>;
}
/** What one saved gesture did to one parcel (null: not there), as the server answered. */
interface Change { id: string; before: Parcel | null; after: Parcel | null }
type Request = Record<string, unknown>;

const key = (position: readonly number[]) => `${position[0]},${position[1]}`;
/** The editor rounds the positions it computes to 9 decimals (the API answers with 7). */
const round9 = (value: number) => Math.round(value * 1e9) / 1e9;
const ringOf = (parcel: Parcel) => parcel.geometry.coordinates[0]![0]!.map(([lon, lat]): Position => [lon!, lat!]);
const polygon = (ring: Position[]): MultiPolygon => ({ type: 'MultiPolygon', coordinates: [[[...ring, ring[0]!]]] });
const withPositions = (geometry: MultiPolygon, replace: (ring: Position[]) => Position[]): MultiPolygon => ({
  type: 'MultiPolygon',
  coordinates: geometry.coordinates.map((rings) => rings.map((ring) => {
    const open = replace(ring.slice(0, -1).map(([lon, lat]): Position => [lon!, lat!]));
    return [...open, open[0]!];
  })),
});
/** The properties a client writes back (the server's bookkeeping left out). */
function writable(parcel: Parcel): Record<string, unknown> {
  const { version: _version, updatedAt: _updatedAt, updatedBy: _updatedBy, ...properties } = parcel.properties;
  return properties;
}

/** Where the stored analysis and the full recomputation differ (empty when they agree). */
function differences(incremental: { summary: SnapshotRow[]; raw: string[] }, full: { summary: SnapshotRow[]; raw: string[] }): string[] {
  const found: string[] = [];
  const keys = (rows: SnapshotRow[]) => rows.map((row) => `${row.phase} ${row.service}`);
  if (keys(incremental.summary).join() !== keys(full.summary).join()) found.push(`summary rows ${keys(incremental.summary)} ≠ ${keys(full.summary)}`);
  incremental.summary.forEach((row, index) => {
    const reference = full.summary[index];
    if (!reference) return;
    const where = `phase ${row.phase} ${row.service}`;
    if (row.gaps !== reference.gaps) found.push(`${where}: ${row.gaps} gaps ≠ ${reference.gaps}`);
    if (row.pairs.join() !== reference.pairs.join()) found.push(`${where}: pairs ${row.pairs} ≠ ${reference.pairs}`);
    if (row.overflowing.join() !== reference.overflowing.join()) found.push(`${where}: overflow ${row.overflowing} ≠ ${reference.overflowing}`);
    for (const total of ['outdoor_area', 'gap_area', 'overlap_area', 'overflow_area'] as const) {
      // The same pieces unioned in another order: the totals differ in the 7th significant digit, never more.
      if (Math.abs(row[total] - reference[total]) > 1e-5 * Math.max(1, Math.abs(reference[total]))) found.push(`${where}: ${total} ${row[total]} ≠ ${reference[total]}`);
    }
  });
  // Overlapping pairs and overflow of DUST_AREA or more are computed from the same two geometries either way: every such piece agrees.
  const pairsAndOverflow = (raw: string[]) => raw.filter((line) => !line.startsWith('gap '));
  const onlyIncremental = pairsAndOverflow(incremental.raw).filter((line) => !full.raw.includes(line));
  const onlyFull = pairsAndOverflow(full.raw).filter((line) => !incremental.raw.includes(line));
  if (onlyIncremental.length > 0) found.push(`stored, not recomputed: ${onlyIncremental.join('; ')}`);
  if (onlyFull.length > 0) found.push(`recomputed, not stored: ${onlyFull.join('; ')}`);
  return found;
}

describe('the incremental analysis equals a full recomputation after batches of changes', () => {
  let site: GridSite;
  let database: TestDatabase;
  let api: TestApi;
  let admin: Caller;
  let siteId: string;
  let organisations: string[];
  const grid = new JitteredGrid([2.4795, 48.9012], 12, 10, 12, 5);

  beforeAll(async () => {
    site = await createGridSite(grid, {
      services: SERVICES, laterPhases: 1, seed: 31, holeEvery: 25, overlapEvery: 20,
      buildings: [{ column: 3, row: 3, toPhase: 1 }, { column: 8, row: 6, toPhase: null }],
    });
    ({ database, api, admin, siteId, organisations } = site);
  });
  afterAll(() => site.close());

  it(`after each of ${BATCHES} random gestures saved in one request`, async () => {
    const random = seededRandom(4242);
    const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
    // In the order of their shapes, not of their ids (drawn at random), so that a seed always makes the same gestures.
    const parcels = async () => (await api.call<{ features: Parcel[] }>('GET', `/api/sites/${siteId}/parcels?phase=0`, admin)).body.features
      .sort((a, b) => JSON.stringify(a.geometry).localeCompare(JSON.stringify(b.geometry)) || a.properties.version - b.properties.version);
    const undo: Change[][] = [];
    const redo: Change[][] = [];
    const statuses = new Map<string, number[]>();
    const divergences: string[] = [];

    /** Sends one batch; the changes it made (before and after of each parcel), or null when refused. */
    const save = async (requests: Request[], befores: Array<Parcel | null>): Promise<Change[] | null> => {
      const answer = await api.call<{ results: Array<Parcel | null> }>('POST', `/api/sites/${siteId}/parcels/changes`, admin, { body: { changes: requests } });
      if (answer.status !== 200) return null;
      return answer.body.results.map((after, index) => ({ id: befores[index]?.id ?? after!.id, before: befores[index] ?? null, after }));
    };
    /** The request that brings a parcel from what is stored to `target` (null: deleted); `exact` restores the version rather than sending its shape back. */
    const towards = async (id: string, target: Parcel | null, exact: boolean): Promise<Request | null> => {
      const stored = await api.call<Parcel>('GET', `/api/parcels/${id}`, admin);
      if (stored.status === 200 && target === null) return { action: 'delete', id, version: stored.body.properties.version };
      if (stored.status === 200 && target !== null) {
        return exact
          ? { action: 'restore', id, version: target.properties.version, expectedVersion: stored.body.properties.version }
          : { action: 'update', id, version: stored.body.properties.version, geometry: target.geometry, properties: writable(target) };
      }
      if (target === null) return null;
      const history = (await api.call<Array<{ version: number }>>('GET', `/api/parcels/${id}/history`, admin)).body;
      return { action: 'restore', id, version: target.properties.version, expectedVersion: Math.max(...history.map((entry) => entry.version)) };
    };
    /** Undoes or redoes a step in one request, each parcel back to its before (undo) or after (redo). */
    const replay = async (step: Change[], direction: 'undo' | 'redo'): Promise<Change[] | null> => {
      const exact = random() < 0.5;
      const requests: Request[] = [];
      for (const change of direction === 'undo' ? [...step].reverse() : step) {
        const request = await towards(change.id, direction === 'undo' ? change.before : change.after, exact);
        if (request) requests.push(request);
      }
      if (requests.length === 0) return [];
      const answer = await api.call<{ results: Array<Parcel | null> }>('POST', `/api/sites/${siteId}/parcels/changes`, admin, { body: { changes: requests } });
      if (answer.status !== 200) return null;
      return step.map((change) => {
        const position = requests.findIndex((request) => request.id === change.id);
        const result = position < 0 ? null : answer.body.results[position]!;
        return direction === 'undo' ? { ...change, before: result ?? change.before } : { ...change, after: result ?? change.after };
      });
    };

    const gestures = {
      /** A vertex two or more parcels share moved in all of them; sometimes a parcel elsewhere deleted in the same request. */
      async move(all: Parcel[]) {
        const owners = new Map<string, Parcel[]>();
        for (const parcel of all) for (const position of new Set(parcel.geometry.coordinates.flat(2).map(key))) owners.set(position, [...(owners.get(position) ?? []), parcel]);
        const shared = [...owners].filter(([, those]) => those.length >= 2 && those.length <= 3);
        if (shared.length === 0) return null;
        const [vertex, those] = pick(shared);
        const [lon, lat] = vertex.split(',').map(Number) as Position;
        const to: Position = [round9(lon + (random() - 0.5) * 0.00006), round9(lat + (random() - 0.5) * 0.00004)];
        const requests: Request[] = those.map((parcel) => ({
          action: 'update', id: parcel.id, version: parcel.properties.version,
          geometry: withPositions(parcel.geometry, (ring) => ring.map((position) => (key(position) === vertex ? to : position))),
        }));
        const befores: Array<Parcel | null> = [...those];
        const elsewhere = all.filter((parcel) => !those.includes(parcel));
        if (random() < 0.3 && elsewhere.length > 0) {
          const deleted = pick(elsewhere);
          requests.push({ action: 'delete', id: deleted.id, version: deleted.properties.version });
          befores.push(deleted);
        }
        return save(requests, befores);
      },
      /** A parcel cut between two of its edges; the neighbours sharing those edges get the crossings as vertices. */
      async split(all: Parcel[]) {
        const simple = all.filter((parcel) => parcel.geometry.coordinates.length === 1 && parcel.geometry.coordinates[0]!.length === 1 && parcel.geometry.coordinates[0]![0]!.length >= 5);
        if (simple.length === 0) return null;
        const target = pick(simple);
        const ring = ringOf(target);
        const n = ring.length;
        const first = Math.floor(random() * n);
        const second = (first + Math.floor(n / 2)) % n;
        const crossing = (edge: number): Position => {
          const [a, b] = [ring[edge]!, ring[(edge + 1) % n]!];
          const t = 0.3 + random() * 0.4;
          return [round9(a[0] + (b[0] - a[0]) * t), round9(a[1] + (b[1] - a[1]) * t)];
        };
        const [one, other] = [crossing(first), crossing(second)];
        const walk = (from: number, to: number) => {
          const positions: Position[] = [];
          for (let index = (from + 1) % n; ; index = (index + 1) % n) {
            positions.push(ring[index]!);
            if (index === to) return positions;
          }
        };
        const kept = polygon([one, ...walk(first, second), other]);
        const piece = polygon([other, ...walk(second, first), one]);
        const neighbours = all.flatMap((parcel) => {
          if (parcel.id === target.id) return [];
          let changed = false;
          const geometry = withPositions(parcel.geometry, (positions) => positions.flatMap((position, index) => {
            const next = positions[(index + 1) % positions.length]!;
            for (const [edge, added] of [[first, one], [second, other]] as const) {
              const [a, b] = [key(ring[edge]!), key(ring[(edge + 1) % n]!)];
              if ((key(position) === a && key(next) === b) || (key(position) === b && key(next) === a)) {
                changed = true;
                return [position, added];
              }
            }
            return [position];
          }));
          return changed ? [{ parcel, geometry }] : [];
        });
        return save([
          { action: 'update', id: target.id, version: target.properties.version, geometry: kept },
          { action: 'create', feature: { type: 'Feature', geometry: piece, properties: writable(target) } },
          ...neighbours.map(({ parcel, geometry }) => ({ action: 'update', id: parcel.id, version: parcel.properties.version, geometry })),
        ], [target, null, ...neighbours.map(({ parcel }) => parcel)]);
      },
      /** Two parcels sharing an edge become the first one (their union, both services); the second is deleted. */
      async merge(all: Parcel[]) {
        const vertices = new Map(all.map((parcel) => [parcel.id, new Set(parcel.geometry.coordinates.flat(2).map(key))]));
        const start = Math.floor(random() * all.length);
        for (let offset = 0; offset < all.length; offset += 1) {
          const kept = all[(start + offset) % all.length]!;
          const partner = all.find((parcel) => parcel.id !== kept.id && [...vertices.get(parcel.id)!].filter((vertex) => vertices.get(kept.id)!.has(vertex)).length >= 2);
          if (!partner) continue;
          const { rows } = await database.pool.query<{ merged: string }>(
            'select ST_AsGeoJSON(ST_Multi(ST_Union(ST_GeomFromGeoJSON($1), ST_GeomFromGeoJSON($2))), 9) as merged', [JSON.stringify(kept.geometry), JSON.stringify(partner.geometry)]);
          return save([
            { action: 'update', id: kept.id, version: kept.properties.version, geometry: JSON.parse(rows[0]!.merged),
              properties: { services: [...new Set([...kept.properties.services, ...partner.properties.services])] } },
            { action: 'delete', id: partner.id, version: partner.properties.version },
          ], [kept, partner]);
        }
        return null;
      },
      /** Two or three parcels deleted at once. */
      async delete(all: Parcel[]) {
        const chosen = [...new Set([pick(all), pick(all), pick(all)].slice(0, 2 + Math.floor(random() * 2)))];
        return save(chosen.map((parcel) => ({ action: 'delete', id: parcel.id, version: parcel.properties.version })), chosen);
      },
      /** Two or three parcels given another manager and other services at once. */
      async reassign(all: Parcel[]) {
        const chosen = [...new Set([pick(all), pick(all), pick(all)].slice(0, 2 + Math.floor(random() * 2)))];
        return save(chosen.map((parcel) => {
          const services = SERVICES.filter(() => random() < 0.6);
          return { action: 'update', id: parcel.id, version: parcel.properties.version, properties: { organisationId: pick(organisations), services: services.length > 0 ? services : ['nettoiement'] } };
        }), chosen);
      },
    };

    for (let batch = 0; batch < BATCHES; batch += 1) {
      const kind = pick(['move', 'move', 'move', 'split', 'split', 'merge', 'delete', 'reassign', 'undo', 'undo', 'undo', 'redo'] as const);
      let changes: Change[] | null = null;
      if (kind === 'undo' || kind === 'redo') {
        const step = (kind === 'undo' ? undo : redo).pop();
        if (!step) continue;
        changes = await replay(step, kind);
        if (changes) (kind === 'undo' ? redo : undo).push(changes);
      } else {
        changes = await gestures[kind](await parcels());
        if (changes) {
          undo.push(changes);
          redo.length = 0;
        }
      }
      statuses.set(kind, [...(statuses.get(kind) ?? []), changes ? 200 : 0]);
      const { incremental, full } = await incrementalAndFull(database.pool, siteId);
      for (const difference of differences(incremental, full)) divergences.push(`batch ${batch} (${kind}): ${difference}`);
    }

    const saved = [...statuses.values()].flat().filter((status) => status === 200).length;
    expect(saved, JSON.stringify(Object.fromEntries(statuses))).toBeGreaterThan(BATCHES * 0.7);
    for (const kind of ['move', 'split', 'merge', 'delete', 'undo', 'redo']) expect(statuses.get(kind)?.filter((status) => status === 200).length, kind).toBeGreaterThan(0);
    expect(divergences.slice(0, 10)).toEqual([]);
  });

  it('after batches two coordinators save at the same time on neighbouring parcels', async () => {
    const random = seededRandom(99);
    const all = (await api.call<{ features: Parcel[] }>('GET', `/api/sites/${siteId}/parcels?phase=0`, admin)).body.features;
    // The twelve parcels nearest the site's south-west corner, so that the batches meet the same parcels and their neighbours.
    const [west, south] = grid.corner(0, 0);
    const distance = (parcel: Parcel) => Math.hypot(...ringOf(parcel)[0]!.map((value, axis) => value - [west, south][axis]!));
    const corner = [...all].sort((a, b) => distance(a) - distance(b)).slice(0, 12).map((parcel) => parcel.id);
    // Two sessions (the coordinators of the demo have no role on this site).
    const coordinators = [admin, await api.signIn('admin@tessera.demo')];
    const statuses: number[] = [];
    const divergences: string[] = [];
    for (let round = 0; round < 25; round += 1) {
      const current = (await api.call<{ features: Parcel[] }>('GET', `/api/sites/${siteId}/parcels?phase=0`, admin)).body.features.filter((parcel) => corner.includes(parcel.id));
      // Each coordinator shifts two parcels by up to ~4 m in one request; the requests of a round are sent together.
      const answers = await Promise.all([0, 1, 2, 3].map((request) => {
        const chosen = [...new Set([pick(current), pick(current)])];
        const [east, north] = [(random() - 0.5) * 0.0001, (random() - 0.5) * 0.00008];
        return api.call('POST', `/api/sites/${siteId}/parcels/changes`, coordinators[request % 2]!, { body: { changes: chosen.map((parcel) => ({
          action: 'update', id: parcel.id, version: parcel.properties.version,
          geometry: withPositions(parcel.geometry, (ring) => ring.map(([lon, lat]): Position => [round9(lon + east), round9(lat + north)])),
        })) } });
      }));
      statuses.push(...answers.map((answer) => answer.status));
      const { incremental, full } = await incrementalAndFull(database.pool, siteId);
      for (const difference of differences(incremental, full)) divergences.push(`round ${round}: ${difference}`);
    }
    // Version conflicts (409) between the two are expected; most requests go through.
    expect(statuses.filter((status) => status === 200).length, statuses.join(' ')).toBeGreaterThan(50);
    expect(statuses.filter((status) => status >= 500)).toEqual([]);
    expect(divergences.slice(0, 10)).toEqual([]);

    function pick<T>(items: readonly T[]): T {
      return items[Math.floor(random() * items.length)]!;
    }
  });
});
