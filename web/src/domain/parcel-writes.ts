import { isAliveAt, type ParcelChangeRequest, type ParcelCollection, type ParcelFeature } from '../../../core/index.js';

/** One parcel as a write left it: as stored, or null when deleted. */
export interface ParcelWrite {
  id: string;
  feature: ParcelFeature | null;
}

/** The writes of a set of changes from the server's answer, in order: a deletion's result is null, so its id comes from the request. */
export function writesOf(changes: readonly ParcelChangeRequest[], results: ReadonlyArray<ParcelFeature | null>): ParcelWrite[] {
  return changes.map((change, index) => {
    const feature = results[index] ?? null;
    const id = feature?.id ?? (change.action === 'create' ? undefined : change.id);
    if (id === undefined) throw new Error(`writesOf: change ${index} created nothing`);
    return { id, feature };
  });
}

/**
 * The parcels alive at `phase` once `writes` are applied: each written parcel replaced, added (in
 * id order, as the server lists them) or removed (deleted, or no longer alive at the phase).
 * `collection` itself when no write touches it.
 */
export function applyParcelWrites(collection: ParcelCollection, phase: number, writes: readonly ParcelWrite[]): ParcelCollection {
  const written = new Map(writes.map((write) => [write.id, write.feature]));
  let changed = false;
  const features = collection.features.flatMap((feature) => {
    const id = String(feature.id);
    if (!written.has(id)) return [feature];
    changed = true;
    const after = written.get(id)!;
    written.delete(id);
    return after && isAliveAt(after.properties, phase) ? [after] : [];
  });
  for (const after of written.values()) {
    if (!after || !isAliveAt(after.properties, phase)) continue;
    changed = true;
    const at = features.findIndex((feature) => String(feature.id) > after.id);
    features.splice(at === -1 ? features.length : at, 0, after);
  }
  return changed ? { ...collection, features } : collection;
}
