import Flatbush from 'flatbush';
import type { Bounds } from '../geometry/for-each-overlapping-pair.js';
import type { AnalysisParcel } from './analysis-input.js';
import { boundsMeet } from '../geometry/bounds-meet.js';
import { geometryBounds } from './geometry-bounds.js';

interface Entry {
  parcel: AnalysisParcel;
  bounds: Bounds;
}

/** Parcels that change: fresh ones sit beside a packed R-tree, which is rebuilt once this many changes pile up. */
const REBUILD_AFTER = 256;

/**
 * Parcels by id, searchable by box. Flatbush is static, so edits go to a short list searched linearly
 * and mark the tree's copy stale; the tree is repacked every REBUILD_AFTER changes.
 */
export class ParcelSpatialIndex {
  private readonly entries = new Map<string, Entry>();
  private tree: Flatbush | null = null;
  private treeIds: string[] = [];
  private readonly stale = new Set<string>();
  private readonly recent = new Map<string, Entry>();

  constructor(parcels: readonly AnalysisParcel[]) {
    for (const parcel of parcels) this.entries.set(parcel.id, { parcel, bounds: geometryBounds(parcel.geometry.coordinates) });
    this.rebuild();
  }

  get size(): number {
    return this.entries.size;
  }

  get(id: string): AnalysisParcel | undefined {
    return this.entries.get(id)?.parcel;
  }

  set(parcel: AnalysisParcel): void {
    this.delete(parcel.id);
    const entry = { parcel, bounds: geometryBounds(parcel.geometry.coordinates) };
    this.entries.set(parcel.id, entry);
    this.recent.set(parcel.id, entry);
    this.rebuildWhenCluttered();
  }

  delete(id: string): void {
    if (!this.entries.delete(id)) return;
    if (!this.recent.delete(id)) this.stale.add(id);
    this.rebuildWhenCluttered();
  }

  /** The parcels whose box meets `box` (touching included). */
  search(box: Bounds): AnalysisParcel[] {
    const found: AnalysisParcel[] = [];
    if (this.tree !== null) {
      for (const position of this.tree.search(box.minX, box.minY, box.maxX, box.maxY)) {
        const id = this.treeIds[position] as string;
        if (!this.stale.has(id)) found.push((this.entries.get(id) as Entry).parcel);
      }
    }
    for (const entry of this.recent.values()) if (boundsMeet(entry.bounds, box)) found.push(entry.parcel);
    return found;
  }

  private rebuildWhenCluttered(): void {
    if (this.recent.size + this.stale.size > REBUILD_AFTER) this.rebuild();
  }

  private rebuild(): void {
    this.stale.clear();
    this.recent.clear();
    this.treeIds = [...this.entries.keys()];
    if (this.treeIds.length === 0) {
      this.tree = null;
      return;
    }
    const tree = new Flatbush(this.treeIds.length);
    for (const id of this.treeIds) {
      const { minX, minY, maxX, maxY } = (this.entries.get(id) as Entry).bounds;
      tree.add(minX, minY, maxX, maxY);
    }
    tree.finish();
    this.tree = tree;
  }
}
