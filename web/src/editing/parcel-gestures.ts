import type { MultiPolygon, ParcelFeature } from '../../../core/index.js';
import type { ParcelChangeRequest } from '../api/client.js';
import type { Parcel } from '../domain/filter-parcels.js';
import { writableProperties, type EditStep, type ParcelSnapshot } from './edit-history.js';

/** A neighbour reshaped by the gesture being edited (a shared vertex moved), not saved yet. */
export interface NeighbourChange {
  parcel: Parcel;
  geometry: MultiPolygon;
}

/** A request of a batch with the parcel it starts from (null for a creation). */
export interface PlannedChange {
  request: ParcelChangeRequest;
  before: ParcelSnapshot | null;
}

const snapshotOf = (parcel: Parcel): ParcelSnapshot => ({ ...parcel, id: String(parcel.id) });

/** The version to send for a parcel: someone else's, once the user chose to save over it. */
const versionOf = (parcel: Parcel, overrides: ReadonlyMap<string, number>) => overrides.get(String(parcel.id)) ?? parcel.properties.version;

/**
 * The batch that saves the edited parcel (created when `parcel` is null) with the neighbours its
 * shared vertices moved: one request, one transaction, one undo step.
 */
export function planSave(
  parcel: Parcel | null,
  edited: { geometry: MultiPolygon; properties: Record<string, unknown> },
  neighbours: readonly NeighbourChange[],
  overrides: ReadonlyMap<string, number> = new Map(),
): PlannedChange[] {
  const own: PlannedChange = parcel
    ? { request: { action: 'update', id: String(parcel.id), version: versionOf(parcel, overrides), geometry: edited.geometry, properties: edited.properties }, before: snapshotOf(parcel) }
    : { request: { action: 'create', feature: { type: 'Feature', geometry: edited.geometry, properties: edited.properties } }, before: null };
  return [
    own,
    ...neighbours.map((neighbour) => neighbourUpdate(neighbour, overrides)),
  ];
}

/** A neighbour's new shape, at its version. */
const neighbourUpdate = (neighbour: NeighbourChange, overrides: ReadonlyMap<string, number>): PlannedChange => ({
  request: { action: 'update', id: String(neighbour.parcel.id), version: versionOf(neighbour.parcel, overrides), geometry: neighbour.geometry },
  before: snapshotOf(neighbour.parcel),
});

/**
 * The batch of a split: the parcel keeps its largest piece (first of `pieces`) and its id and
 * history; every other piece becomes a new parcel with the same attributes; the neighbours get the
 * line's crossings of their shared edges as vertices.
 */
export function planSplit(
  parcel: Parcel, pieces: readonly MultiPolygon[], neighbours: readonly NeighbourChange[] = [], overrides: ReadonlyMap<string, number> = new Map(),
): PlannedChange[] {
  const [kept, ...others] = pieces;
  if (!kept || others.length === 0) throw new Error('planSplit: a split gives at least two pieces');
  const properties = writableProperties(snapshotOf(parcel));
  return [
    { request: { action: 'update', id: String(parcel.id), version: versionOf(parcel, overrides), geometry: kept }, before: snapshotOf(parcel) },
    ...others.map((geometry): PlannedChange => ({ request: { action: 'create', feature: { type: 'Feature', geometry, properties } }, before: null })),
    ...neighbours.map((neighbour) => neighbourUpdate(neighbour, overrides)),
  ];
}

/**
 * The batch of a merge: the first parcel takes the merged shape and every service the parcels
 * managed (none is dropped by a merge), the others are deleted.
 */
export function planMerge(parcels: readonly Parcel[], merged: MultiPolygon, services: readonly string[], overrides: ReadonlyMap<string, number> = new Map()): PlannedChange[] {
  const [kept, ...others] = parcels;
  if (!kept || others.length === 0) throw new Error('planMerge: a merge takes at least two parcels');
  return [
    { request: { action: 'update', id: String(kept.id), version: versionOf(kept, overrides), geometry: merged, properties: { services: [...services] } }, before: snapshotOf(kept) },
    ...others.map((parcel): PlannedChange => ({ request: { action: 'delete', id: String(parcel.id), version: versionOf(parcel, overrides) }, before: snapshotOf(parcel) })),
  ];
}

/** The batch that deletes a parcel, at its version. */
export function planDelete(parcel: Parcel, overrides: ReadonlyMap<string, number> = new Map()): PlannedChange[] {
  return [{ request: { action: 'delete', id: String(parcel.id), version: versionOf(parcel, overrides) }, before: snapshotOf(parcel) }];
}

/** The batch that gives an overlap up: the parcel takes its trimmed shape, or is deleted when nothing is left (null). */
export function planTrim(parcel: Parcel, trimmed: MultiPolygon | null, overrides: ReadonlyMap<string, number> = new Map()): PlannedChange[] {
  if (trimmed === null) return planDelete(parcel, overrides);
  return [{ request: { action: 'update', id: String(parcel.id), version: versionOf(parcel, overrides), geometry: trimmed }, before: snapshotOf(parcel) }];
}

/** The version a planned change was sent at, when it is not the one of the parcel it started from. */
function sentOver(change: PlannedChange): number | undefined {
  const { request, before } = change;
  const sent = request.action === 'update' || request.action === 'delete' ? request.version : undefined;
  return sent !== undefined && sent !== before?.properties.version ? sent : undefined;
}

/** The undo step of a saved batch: each parcel's state before and as the server returned it. */
export function stepOfBatch(label: string, planned: readonly PlannedChange[], results: ReadonlyArray<ParcelFeature | null>): EditStep {
  return {
    label,
    changes: planned.map((change, index) => {
      const after = results[index] ?? null;
      const parcelId = after?.id ?? change.before?.id;
      if (!parcelId) throw new Error(`stepOfBatch: change ${index} has neither a result nor a parcel before it`);
      const sentVersion = sentOver(change);
      return sentVersion === undefined ? { parcelId, before: change.before, after } : { parcelId, before: change.before, after, sentVersion };
    }),
  };
}
