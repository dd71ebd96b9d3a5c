import type { MultiPolygon, ParcelChangeRequest, ParcelChangeResults, ParcelFeature } from '../../../core/index.js';
import { ApiError, type ApiClient } from '../../../web/src/api/client.js';

/** One recorded version of a parcel: its content (kept for a deletion too), how and by whom. */
interface StoredVersion {
  version: number;
  change: 'create' | 'update' | 'delete' | 'restore';
  changedBy: string;
  feature: ParcelFeature;
}

interface State {
  alive: Map<string, ParcelFeature>;
  history: Map<string, StoredVersion[]>;
}

/** The organisation every fake parcel starts with. */
export const FAKE_ORGANISATION = '00000000-0000-4000-8000-0000000000aa';

const conflict = (message: string, index: number, current: ParcelFeature | null) =>
  new ApiError(409, 'version_conflict', message, `changes.${index}.version`, { code: 'version_conflict', message, index, current });

/**
 * A small in-memory stand-in for `POST /sites/:id/parcels/changes` and `GET /parcels/:id/history`,
 * with the version rules of server/parcels/parcel-changes.ts: a create is version 1, an update or a
 * restore of a live parcel one up, a deletion one up (the content kept), a restore of a deleted
 * parcel one after its deletion; a stale version is a 409 with the current parcel; all or nothing;
 * an Idempotency-Key replays the first answer. It checks no geometry: the history's rules are tested, not PostGIS.
 */
export class FakeParcelServer {
  private state: State = { alive: new Map(), history: new Map() };
  private answers = new Map<string, ParcelChangeResults>();
  private created = 0;
  /** How many sets of changes were applied (a replay is not one). */
  applied = 0;
  /** When set, the next request is applied but its answer lost, like a dropped connection. */
  dropNextAnswer = false;

  constructor(private readonly names: ReadonlyMap<string, string>) {}

  /** The parcels alive now, sorted by id, as `GET …/parcels` answers. */
  parcels(): ParcelFeature[] {
    return [...this.state.alive.values()].sort((a, b) => a.id.localeCompare(b.id));
  }

  /** The client of one user: the only calls the editor's history makes. */
  clientOf(userId: string): Pick<ApiClient, 'applyParcelChanges' | 'getParcelHistory'> {
    return {
      applyParcelChanges: async (_siteId, changes, key) => this.apply(userId, changes, key),
      getParcelHistory: async (parcelId) => (this.state.history.get(parcelId) ?? []).map((stored) => ({
        version: stored.version, change: stored.change, changedBy: stored.changedBy, changedByName: this.names.get(stored.changedBy) ?? null, feature: stored.feature,
      })),
    };
  }

  private apply(userId: string, changes: ParcelChangeRequest[], key: string): ParcelChangeResults {
    const replayKey = `${userId} ${key}`;
    const previous = this.answers.get(replayKey);
    if (previous) return previous;
    // All or nothing: the changes work on a copy that replaces the state only once every one passed.
    const next: State = { alive: new Map(this.state.alive), history: new Map([...this.state.history].map(([id, versions]) => [id, [...versions]])) };
    const results = changes.map((change, index) => this.applyOne(next, userId, change, index));
    this.state = next;
    this.applied += 1;
    const answer = { results };
    this.answers.set(replayKey, answer);
    if (this.dropNextAnswer) {
      this.dropNextAnswer = false;
      throw new TypeError('Failed to fetch');
    }
    return answer;
  }

  private applyOne(state: State, userId: string, change: ParcelChangeRequest, index: number): ParcelFeature | null {
    const store = (id: string, version: number, kind: StoredVersion['change'], geometry: MultiPolygon, properties: Record<string, unknown>) => {
      const feature = { type: 'Feature', id, geometry, properties: { ...properties, version, updatedAt: `t${version}`, updatedBy: userId } } as ParcelFeature;
      state.alive.set(id, feature);
      state.history.set(id, [...(state.history.get(id) ?? []), { version, change: kind, changedBy: userId, feature }]);
      return feature;
    };
    const content = ({ properties }: ParcelFeature) => {
      const { version: _version, updatedAt: _at, updatedBy: _by, ...writable } = properties;
      return writable;
    };
    const locked = (id: string, version: number) => {
      const current = state.alive.get(id);
      if (!current) {
        if (state.history.has(id)) throw new ApiError(410, 'parcel_deleted', 'this parcel has been deleted', undefined, { index });
        throw new ApiError(404, 'not_found', 'parcel not found', `changes.${index}.id`, { index });
      }
      if (current.properties.version !== version) throw conflict(`the parcel is at version ${current.properties.version}, not ${version}`, index, current);
      return current;
    };
    switch (change.action) {
      case 'create': {
        this.created += 1;
        const feature = change.feature as { geometry: MultiPolygon; properties: Record<string, unknown> };
        return store(`00000000-0000-4000-8000-${String(this.created).padStart(12, '0')}`, 1, 'create', feature.geometry, feature.properties);
      }
      case 'update': {
        const current = locked(change.id, change.version);
        return store(change.id, change.version + 1, 'update', (change.geometry as MultiPolygon | undefined) ?? current.geometry, { ...content(current), ...change.properties });
      }
      case 'delete': {
        const current = locked(change.id, change.version);
        state.alive.delete(change.id);
        state.history.set(change.id, [...state.history.get(change.id)!, { version: change.version + 1, change: 'delete', changedBy: userId, feature: current }]);
        return null;
      }
      case 'restore': {
        const versions = state.history.get(change.id) ?? [];
        const source = versions.find((stored) => stored.version === change.version && stored.change !== 'delete');
        if (!source) throw new ApiError(404, 'not_found', `this parcel has no version ${change.version}`, `changes.${index}.version`, { index });
        const last = versions.at(-1)!;
        if (state.alive.has(change.id)) {
          const current = locked(change.id, change.expectedVersion);
          return store(change.id, current.properties.version + 1, 'restore', source.feature.geometry, content(source.feature));
        }
        if (change.expectedVersion !== last.version) throw conflict(`the parcel was deleted at version ${last.version}, not ${change.expectedVersion}`, index, null);
        return store(change.id, last.version + 1, 'restore', source.feature.geometry, content(source.feature));
      }
    }
  }
}
