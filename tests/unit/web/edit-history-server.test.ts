import { describe, expect, it } from 'vitest';
import type { MultiPolygon, ParcelFeature } from '../../../core/index.js';
import { applyStep } from '../../../web/src/editing/apply-step.js';
import { emptyHistory, nextStep, recordStep, writableProperties, type Direction, type EditHistory } from '../../../web/src/editing/edit-history.js';
import { planDelete, planMerge, planSave, planSplit, stepOfBatch, type PlannedChange } from '../../../web/src/editing/parcel-gestures.js';
import { sendChanges } from '../../../web/src/editing/send-changes.js';
import { seededRandom } from '../../support/seeded-random.js';
import { FAKE_ORGANISATION, FakeParcelServer } from './fake-parcel-server.js';

const ME = '00000000-0000-4000-8000-00000000a001';
const OTHER = '00000000-0000-4000-8000-00000000a002';
const SETUP = '00000000-0000-4000-8000-00000000a003';
const NAMES = new Map([[ME, 'Coordination GUP (démo)'], [OTHER, 'Bailleur (démo)'], [SETUP, 'Import']]);
const SITE = '00000000-0000-4000-8000-0000000000f1';
const GESTURES = 20;

const rectangle = (x: number, y: number, width: number, height: number): MultiPolygon =>
  ({ type: 'MultiPolygon', coordinates: [[[[x, y], [x + width, y], [x + width, y + height], [x, y + height], [x, y]]]] });

/** What a user can see of the parcels: ids, shapes and attributes, versions aside. */
const contentOf = (parcels: readonly ParcelFeature[]) => parcels.map((parcel) => ({ id: parcel.id, geometry: parcel.geometry, properties: writableProperties(parcel) }));

/** The editor's page: the parcels as reloaded from the server after each write, and the history of its gestures. */
class EditorPage {
  history: EditHistory = emptyHistory;
  readonly client;

  constructor(readonly server: FakeParcelServer, userId = ME) {
    this.client = server.clientOf(userId);
  }

  parcels(): ParcelFeature[] {
    return this.server.parcels();
  }

  /** Saves a gesture as the editor does: one set of changes, recorded as one step. */
  async save(label: string, planned: PlannedChange[]): Promise<void> {
    const { results } = await sendChanges(SITE, planned.map((change) => change.request), this.client);
    this.history = recordStep(this.history, stepOfBatch(label, planned, results));
  }

  /** Ctrl+Z or Ctrl+Shift+Z; `theirs` saves over someone else's version ("Garder la mienne"). */
  async apply(direction: Direction, theirs?: { parcelId: string; version: number }) {
    const outcome = await applyStep(this.history, direction, nextStep(this.history, direction)!, { siteId: SITE, myUserId: ME, client: this.client }, theirs);
    if (outcome.kind === 'applied') this.history = outcome.history;
    return outcome;
  }
}

/** A server holding `count` parcels imported by someone else, side by side. */
async function serverWithParcels(count: number): Promise<FakeParcelServer> {
  const server = new FakeParcelServer(NAMES);
  const features = Array.from({ length: count }, (_, index) => ({
    type: 'Feature' as const, geometry: rectangle(index, 0, 1, 1),
    properties: { organisationId: FAKE_ORGANISATION, services: ['nettoiement'], ownerId: null, label: `P${index}`, agreementRef: null, notes: null, fromPhase: 0, toPhase: null },
  }));
  await server.clientOf(SETUP).applyParcelChanges(SITE, features.map((feature) => ({ action: 'create', feature })), 'setup');
  return server;
}

/** One random gesture of the editor on the parcels as the page shows them. */
async function randomGesture(page: EditorPage, random: () => number, number: number): Promise<string> {
  const parcels = page.parcels();
  const pick = () => parcels.splice(Math.floor(random() * parcels.length), 1)[0]!;
  const shape = () => rectangle(Math.floor(random() * 40), Math.floor(random() * 40), 1 + Math.floor(random() * 3), 1 + Math.floor(random() * 3));
  const kinds = ['create', 'update', 'shared-vertex', 'split', 'merge', 'delete'] as const;
  const kind = parcels.length < 4 ? 'create' : kinds[Math.floor(random() * kinds.length)]!;
  switch (kind) {
    case 'create':
      await page.save(kind, planSave(null, { geometry: shape(), properties: { ...writableProperties(page.parcels()[0] ?? parcels[0]!), label: `new ${number}` } }, []));
      break;
    case 'update': {
      const parcel = pick();
      await page.save(kind, planSave(parcel, { geometry: random() < 0.5 ? parcel.geometry : shape(), properties: { ...writableProperties(parcel), label: `renamed ${number}`, notes: `n${number}` } }, []));
      break;
    }
    case 'shared-vertex': {
      const [own, ...neighbours] = Array.from({ length: 2 + Math.floor(random() * 2) }, pick);
      await page.save(kind, planSave(own!, { geometry: shape(), properties: writableProperties(own!) }, neighbours.map((parcel) => ({ parcel, geometry: shape() }))));
      break;
    }
    case 'split': {
      const parcel = pick();
      const neighbours = Array.from({ length: Math.floor(random() * 3) }, pick).map((neighbour) => ({ parcel: neighbour, geometry: shape() }));
      await page.save(kind, planSplit(parcel, [shape(), shape()], neighbours));
      break;
    }
    case 'merge': {
      const merged = [pick(), pick()];
      await page.save(kind, planMerge(merged, shape(), ['nettoiement', 'espaces_verts']));
      break;
    }
    case 'delete':
      await page.save(kind, planDelete(pick()));
      break;
  }
  return kind;
}

async function randomSession(seed: number) {
  const server = await serverWithParcels(8);
  const page = new EditorPage(server);
  const random = seededRandom(seed);
  const start = contentOf(server.parcels());
  const kinds: string[] = [];
  for (let number = 1; number <= GESTURES; number += 1) kinds.push(await randomGesture(page, random, number));
  return { server, page, start, end: contentOf(server.parcels()), kinds };
}

/** A parcel I renamed ('mine', one step), then `userId` changed outside this page. */
async function renamedThenChangedBy(userId: string, properties: Record<string, unknown>) {
  const server = await serverWithParcels(1);
  const page = new EditorPage(server);
  const parcel = () => server.parcels()[0]!;
  await page.save('mine', planSave(parcel(), { geometry: parcel().geometry, properties: { ...writableProperties(parcel()), label: 'Mine' } }, []));
  await server.clientOf(userId).applyParcelChanges(SITE, [{ action: 'update', id: parcel().id, version: parcel().properties.version, properties }], 'elsewhere');
  return { server, page, parcel };
}

describe('the history against a server that holds versions', () => {
  for (const seed of [1, 2, 3, 4, 5, 6, 7, 8]) {
    it(`20 random gestures (seed ${seed}), 20 undos back to the start exactly, 20 redos back to the end`, async () => {
      const { server, page, start, end, kinds } = await randomSession(seed);
      expect(end).not.toEqual(start);
      for (let count = 0; count < GESTURES; count += 1) expect(await page.apply('undo')).toMatchObject({ kind: 'applied' });
      expect(nextStep(page.history, 'undo')).toBeUndefined();
      expect(contentOf(server.parcels())).toEqual(start);
      for (let count = 0; count < GESTURES; count += 1) expect(await page.apply('redo')).toMatchObject({ kind: 'applied' });
      expect(contentOf(server.parcels())).toEqual(end);
      // Once more, down and up: the versions the history knows stay right however often a step moves.
      for (let count = 0; count < GESTURES; count += 1) expect(await page.apply('undo')).toMatchObject({ kind: 'applied' });
      expect(contentOf(server.parcels())).toEqual(start);
      for (let count = 0; count < GESTURES; count += 1) expect(await page.apply('redo')).toMatchObject({ kind: 'applied' });
      expect(contentOf(server.parcels())).toEqual(end);
      // Every kind of gesture was tried across the seeds; each seed at least mixes several.
      expect(new Set(kinds).size).toBeGreaterThanOrEqual(3);
    });
  }

  it('tries every kind of gesture across the seeds', async () => {
    const kinds = new Set<string>();
    for (const seed of [1, 2, 3, 4, 5, 6, 7, 8]) for (const kind of (await randomSession(seed)).kinds) kinds.add(kind);
    expect([...kinds].sort()).toEqual(['create', 'delete', 'merge', 'shared-vertex', 'split', 'update']);
  });

  for (const seed of [11, 12, 13, 14]) {
    it(`stops at the first undo that meets another editor's change, names them, and goes on once mine is kept (seed ${seed})`, async () => {
      const { server, page, start } = await randomSession(seed);
      // The other editor renames a parcel my gestures touched.
      const touched = new Set(page.history.undo.flatMap((step) => step.changes.map((change) => change.parcelId)));
      const alive = server.parcels().filter((parcel) => touched.has(parcel.id));
      const theirs = alive[Math.floor(seededRandom(seed)() * alive.length)]!;
      await server.clientOf(OTHER).applyParcelChanges(SITE, [{ action: 'update', id: theirs.id, version: theirs.properties.version, properties: { label: 'Renommée par le bailleur' } }], 'other');

      for (;;) {
        const top = nextStep(page.history, 'undo')!;
        const outcome = await page.apply('undo');
        if (!top.changes.some((change) => change.parcelId === theirs.id)) {
          expect(outcome).toMatchObject({ kind: 'applied' });
          continue;
        }
        expect(outcome).toMatchObject({ kind: 'conflict', conflict: { updatedBy: 'Bailleur (démo)', current: { id: theirs.id, properties: { label: 'Renommée par le bailleur' } } } });
        if (outcome.kind !== 'conflict') throw new Error('unreachable');
        // "Garder la mienne": the same undo, over their version.
        expect(await page.apply('undo', { parcelId: theirs.id, version: outcome.conflict.current.properties.version })).toMatchObject({ kind: 'applied' });
        break;
      }
      while (nextStep(page.history, 'undo')) expect(await page.apply('undo')).toMatchObject({ kind: 'applied' });
      expect(contentOf(server.parcels())).toEqual(start);
    });
  }

  it('create, rename, undo, undo: both succeed (the second undo once answered 409 naming my own account)', async () => {
    const server = await serverWithParcels(1);
    const page = new EditorPage(server);
    const properties = writableProperties(server.parcels()[0]!);
    await page.save('created', planSave(null, { geometry: rectangle(5, 5, 1, 1), properties: { ...properties, label: null } }, []));
    const created = server.parcels().find((parcel) => parcel.properties.label === null)!;
    await page.save('renamed', planSave(created, { geometry: created.geometry, properties: { ...writableProperties(created), label: 'Square' } }, []));
    expect(await page.apply('undo')).toMatchObject({ kind: 'applied' });
    expect(await page.apply('undo')).toMatchObject({ kind: 'applied' });
    expect(server.parcels().map((parcel) => parcel.id)).toEqual([server.parcels()[0]!.id]);
    expect(await page.apply('redo')).toMatchObject({ kind: 'applied' });
    expect(await page.apply('redo')).toMatchObject({ kind: 'applied' });
    expect(server.parcels().find((parcel) => parcel.id === created.id)?.properties.label).toBe('Square');
  });

  it('after a gesture on top of their version, undoing my older step asks, naming them and not me', async () => {
    const { page, parcel } = await renamedThenChangedBy(OTHER, { notes: 'theirs' });
    // The page reloaded their version; the next gesture starts from it.
    await page.save('mine again', planSave(parcel(), { geometry: rectangle(0, 0, 2, 2), properties: writableProperties(parcel()) }, []));
    expect(await page.apply('undo')).toMatchObject({ kind: 'applied' });
    expect(parcel().properties.notes).toBe('theirs');
    // Undoing 'mine' would silently drop their notes: the server is asked at the version 'mine' left, and refuses.
    expect(await page.apply('undo')).toMatchObject({ kind: 'conflict', conflict: { updatedBy: 'Bailleur (démo)' } });
    expect(parcel().properties.notes).toBe('theirs');
  });

  it('names my own account when I changed the parcel elsewhere (another tab): nobody else did', async () => {
    const { page } = await renamedThenChangedBy(ME, { label: 'Other tab' });
    expect(await page.apply('undo')).toMatchObject({ kind: 'conflict', conflict: { updatedBy: 'Coordination GUP (démo)' } });
  });

  it('a deletion that meets someone else’s version asks like any other gesture', async () => {
    const server = await serverWithParcels(1);
    const page = new EditorPage(server);
    const stale = server.parcels()[0]!;
    await server.clientOf(OTHER).applyParcelChanges(SITE, [{ action: 'update', id: stale.id, version: stale.properties.version, properties: { label: 'Theirs' } }], 'other');
    await expect(page.save('deleted', planDelete(stale))).rejects.toMatchObject({ status: 409, code: 'version_conflict', body: { index: 0, current: { properties: { label: 'Theirs' } } } });
    expect(server.parcels()).toHaveLength(1);
  });
});

describe('sendChanges', () => {
  it('sends a request whose answer was lost again with the same Idempotency-Key: applied once', async () => {
    const server = await serverWithParcels(1);
    const keys: string[] = [];
    const client = server.clientOf(ME);
    const spy = { applyParcelChanges: (siteId: string, changes: Parameters<typeof client.applyParcelChanges>[1], key: string) => (keys.push(key), client.applyParcelChanges(siteId, changes, key)) };
    const parcel = server.parcels()[0]!;
    const appliedBefore = server.applied;
    server.dropNextAnswer = true;
    const { results } = await sendChanges(SITE, [{ action: 'update', id: parcel.id, version: parcel.properties.version, properties: { label: 'Once' } }], spy);
    expect(results[0]?.properties).toMatchObject({ label: 'Once', version: parcel.properties.version + 1 });
    expect(server.applied).toBe(appliedBefore + 1);
    expect(keys).toHaveLength(2);
    expect(keys[1]).toBe(keys[0]);
    // The next gesture gets a key of its own.
    await sendChanges(SITE, [{ action: 'delete', id: parcel.id, version: parcel.properties.version + 1 }], spy);
    expect(keys[2]).not.toBe(keys[0]);
  });

  it('never sends again a request the server answered with an error', async () => {
    const server = await serverWithParcels(1);
    let calls = 0;
    const client = server.clientOf(ME);
    const counting = { applyParcelChanges: (siteId: string, changes: Parameters<typeof client.applyParcelChanges>[1], key: string) => (calls += 1, client.applyParcelChanges(siteId, changes, key)) };
    const parcel = server.parcels()[0]!;
    await expect(sendChanges(SITE, [{ action: 'delete', id: parcel.id, version: 99 }], counting)).rejects.toMatchObject({ status: 409 });
    expect(calls).toBe(1);
  });
});
