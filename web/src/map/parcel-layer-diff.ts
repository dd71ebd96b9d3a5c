import type { GeoJSONSourceDiff } from 'maplibre-gl';
import { PARCEL_ID_PROPERTY } from './layer-ids.js';
import type { ParcelLayerData } from './parcel-layer-data.js';

type ParcelLayerFeature = ParcelLayerData['features'][number];

/** Past this share of the parcels changed, replacing the whole source is cheaper than patching it. */
const MAX_CHANGED_SHARE = 0.1;

/**
 * The parcels that changed between two layers (a feature object not in `previous`, by parcel id),
 * as a patch of the map's source; null when so many changed that the source is better replaced.
 * toParcelLayerData keeps the feature of an unchanged parcel, so a gesture's patch holds its parcels only.
 * @example const diff = parcelLayerDiff(shown, next); diff ? source.updateData(diff) : source.setData(next)
 */
export function parcelLayerDiff(previous: ParcelLayerData, next: ParcelLayerData): GeoJSONSourceDiff | null {
  const limit = Math.max(1, Math.floor(MAX_CHANGED_SHARE * next.features.length));
  const diff = sameOrderDiff(previous.features, next.features, limit) ?? anyOrderDiff(previous.features, next.features);
  return diff.remove.length + diff.add.length > 2 * limit ? null : { remove: diff.remove, add: diff.add as GeoJSONSourceDiff['add'] };
}

interface Diff {
  remove: string[];
  add: ParcelLayerFeature[];
}

/** The usual case, the same parcels in the same order with a few reshaped: compared in place. Null otherwise. */
function sameOrderDiff(previous: readonly ParcelLayerFeature[], next: readonly ParcelLayerFeature[], limit: number): Diff | null {
  if (previous.length !== next.length) return null;
  const diff: Diff = { remove: [], add: [] };
  for (const [position, feature] of next.entries()) {
    const old = previous[position]!;
    if (old === feature) continue;
    const id = feature.properties[PARCEL_ID_PROPERTY];
    if (old.properties[PARCEL_ID_PROPERTY] !== id) return null;
    diff.remove.push(id);
    diff.add.push(feature);
    if (diff.add.length > limit) break;
  }
  return diff;
}

function anyOrderDiff(previous: readonly ParcelLayerFeature[], next: readonly ParcelLayerFeature[]): Diff {
  const left = new Map(previous.map((feature) => [feature.properties[PARCEL_ID_PROPERTY], feature]));
  const diff: Diff = { remove: [], add: [] };
  for (const feature of next) {
    const id = feature.properties[PARCEL_ID_PROPERTY];
    const old = left.get(id);
    left.delete(id);
    if (old === feature) continue;
    if (old) diff.remove.push(id);
    diff.add.push(feature);
  }
  diff.remove.push(...left.keys());
  return diff;
}
