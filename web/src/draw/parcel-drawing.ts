// The only module of the app that talks to terra-draw: MapController hands it the map, the rest
// of the app sees polygons, lines and parcels' geometries in and out.
import {
  TerraDraw,
  TerraDrawLineStringMode,
  TerraDrawPolygonMode,
  TerraDrawSelectMode,
  type GeoJSONStoreFeatures,
  type SnapToCustom,
  type TerraDrawMouseEvent,
} from 'terra-draw';
import { TerraDrawMapLibreGLAdapter } from 'terra-draw-maplibre-gl-adapter';
import type { Map as MapLibreMap } from 'maplibre-gl';
import { DRAWING_DECIMALS, roundCoordinate, samePosition } from '../../../core/index.js';
import { createSnapIndex, type SnapGeometry, type SnapIndex } from './snap-index.js';

/** A single polygon as the editor draws it (GeoJSON, longitude/latitude). */
export interface DrawnPolygon {
  type: 'Polygon';
  coordinates: number[][][];
}

/** A parcel's geometry as the editor edits it: every ring of every part. */
export interface EditedGeometry {
  type: 'MultiPolygon';
  coordinates: number[][][][];
}

/** Which ring of the edited geometry a change was made to (ring 0 is the part's outline). */
export interface RingChange {
  part: number;
  ring: number;
  /** The ring before the gesture and after it (closed). */
  before: number[][];
  after: number[][];
  /** The user dropped a vertex or a dragged parcel (the end of a gesture), not a move in progress. */
  dropped: boolean;
}

/** What snapping aims at and whether it is on. */
export interface SnapOptions {
  /** Parcels, buildings and the perimeter, with the exact coordinates the app holds. */
  targets: readonly SnapGeometry[];
  enabled: boolean;
}

/** Pixels around the pointer within which a vertex snaps; larger on touch screens. */
export const SNAP_TOLERANCE_PX = 10;
const coarsePointer = typeof matchMedia === 'function' && matchMedia('(pointer: coarse)').matches;
/** How close (px) a click must be to the first or last vertex to close the polygon. */
const CLOSING_DISTANCE_PX = coarsePointer ? 22 : 8;
const HANDLE_WIDTH = coarsePointer ? 12 : 7;
/** Holding this key suspends snapping while it is down. */
const SNAP_SUSPEND_KEY = 'Alt';
const POLYGON = 'polygon';
const LINE = 'linestring';
const SELECT = 'select';
const IDLE = 'static';
const COLOUR = { line: '#d95f02', fill: '#fdb462', handle: '#ffffff', handleOutline: '#d95f02', snap: '#e7298a', cut: '#7570b3' } as const;

/** Draws a new parcel polygon or a cutting line, or edits every ring of a parcel, snapping to the neighbours. */
export class ParcelDrawing {
  private readonly draw: TerraDraw;
  private snapIndex: SnapIndex = createSnapIndex([]);
  private snappingEnabled = true;
  /** The terra-draw feature of each ring being edited, and the ring it stands for. */
  private rings = new Map<string | number, { part: number; ring: number }>();
  private edited: EditedGeometry | null = null;
  /** The ring each feature held at the end of the last gesture: a drop is compared with it. */
  private settled = new Map<string | number, number[][]>();
  private moving = false;
  /** Set while the module itself writes geometries into terra-draw, whose change events are then ignored. */
  private writing = false;
  /** The vertex the user last dropped, which the Delete key removes. */
  private lastVertex: { id: string | number; position: number[] } | null = null;
  private onFinish: ((polygon: DrawnPolygon) => void) | null = null;
  private onLine: ((line: number[][]) => void) | null = null;
  private onEdit: ((geometry: EditedGeometry, change: RingChange) => void) | null = null;

  constructor(map: MapLibreMap) {
    const snapping = { toCustom: this.snapToData };
    this.draw = new TerraDraw({
      adapter: new TerraDrawMapLibreGLAdapter({ map, coordinatePrecision: DRAWING_DECIMALS }),
      modes: [
        new TerraDrawPolygonMode({
          snapping,
          pointerDistance: CLOSING_DISTANCE_PX,
          styles: {
            fillColor: COLOUR.fill, fillOpacity: 0.35, outlineColor: COLOUR.line, outlineWidth: 3,
            closingPointColor: COLOUR.handle, closingPointOutlineColor: COLOUR.line, closingPointWidth: HANDLE_WIDTH,
            snappingPointColor: COLOUR.snap, snappingPointWidth: HANDLE_WIDTH, snappingPointOutlineColor: COLOUR.handle,
          },
        }),
        new TerraDrawLineStringMode({
          snapping,
          pointerDistance: CLOSING_DISTANCE_PX,
          styles: {
            lineStringColor: COLOUR.cut, lineStringWidth: 3,
            closingPointColor: COLOUR.handle, closingPointOutlineColor: COLOUR.cut, closingPointWidth: HANDLE_WIDTH,
            snappingPointColor: COLOUR.snap, snappingPointWidth: HANDLE_WIDTH, snappingPointOutlineColor: COLOUR.handle,
          },
        }),
        new TerraDrawSelectMode({
          // A parcel with holes or several parts is edited one ring at a time: a click picks the ring.
          allowManualSelection: true,
          allowManualDeselection: false,
          // Delete/Escape must not remove or drop a whole ring: the editor handles these keys itself.
          keyEvents: { deselect: null, delete: null, rotate: null, scale: null },
          pointerDistance: coarsePointer ? 30 : 14,
          flags: { [POLYGON]: { feature: this.featureFlags(false) } },
          styles: {
            selectedPolygonColor: COLOUR.fill, selectedPolygonFillOpacity: 0.35, selectedPolygonOutlineColor: COLOUR.line,
            selectedPolygonOutlineWidth: 3, selectionPointWidth: HANDLE_WIDTH, selectionPointColor: COLOUR.handle,
            selectionPointOutlineColor: COLOUR.line, selectionPointOutlineWidth: 2, midPointWidth: HANDLE_WIDTH - 2,
            midPointColor: COLOUR.line, midPointOutlineColor: COLOUR.handle,
          },
        }),
      ],
    });
    this.draw.start();
    this.draw.on('finish', (id, context) => {
      if (context.mode === POLYGON) {
        const polygon = this.polygonOf(id);
        this.draw.setMode(IDLE);
        if (polygon) this.onFinish?.(polygon);
      } else if (context.mode === LINE) {
        const feature = this.draw.getSnapshotFeature(id);
        this.draw.setMode(IDLE);
        if (feature?.geometry.type === 'LineString') this.onLine?.(feature.geometry.coordinates);
      } else if (context.mode === SELECT && this.rings.has(id)) {
        this.ringChanged(id, true);
      }
    });
    this.draw.on('change', (ids) => {
      if (this.writing) return;
      for (const id of ids) if (this.rings.has(id)) this.ringChanged(id, false);
    });
  }

  /** Starts drawing a new polygon; `onFinish` gets it once closed (it stays on the map until clear()). */
  drawPolygon(snap: SnapOptions, onFinish: (polygon: DrawnPolygon) => void): void {
    this.clear();
    this.setSnap(snap);
    this.onFinish = onFinish;
    this.draw.setMode(POLYGON);
  }

  /**
   * Draws a polygon over a parcel being edited (a hole or a new part), whose rings stay shown but
   * not editable meanwhile; `onFinish` gets it. Call editGeometry() again afterwards.
   */
  drawRing(snap: SnapOptions, onFinish: (polygon: DrawnPolygon) => void): void {
    this.setSnap(snap);
    this.draw.setMode(IDLE);
    this.onEdit = null;
    this.onFinish = onFinish;
    this.draw.setMode(POLYGON);
  }

  /** Starts drawing a line (finished by clicking its last point again or Enter); `onFinish` gets it. */
  drawLine(snap: SnapOptions, onFinish: (line: number[][]) => void): void {
    this.clear();
    this.setSnap(snap);
    this.onLine = onFinish;
    this.draw.setMode(LINE);
  }

  /**
   * Shows every ring of `geometry` with draggable vertices and midpoints (one ring selected at a
   * time, a click picks another); `onEdit` gets the whole geometry after each change. Returns false
   * when terra-draw refuses a ring.
   */
  editGeometry(geometry: EditedGeometry, snap: SnapOptions, onEdit: (geometry: EditedGeometry, change: RingChange) => void): boolean {
    this.clear();
    this.setSnap(snap);
    return this.showRings(geometry, onEdit);
  }

  private showRings(geometry: EditedGeometry, onEdit: (geometry: EditedGeometry, change: RingChange) => void): boolean {
    const features: GeoJSONStoreFeatures[] = [];
    const rings = new Map<string | number, { part: number; ring: number }>();
    geometry.coordinates.forEach((polygon, part) => polygon.forEach((ring, index) => {
      const id = this.draw.getFeatureId();
      rings.set(id, { part, ring: index });
      features.push({ id, type: 'Feature', geometry: { type: 'Polygon', coordinates: [ring] }, properties: { mode: POLYGON } });
    }));
    this.writing = true;
    const validations = this.draw.addFeatures(features);
    this.writing = false;
    if (validations.some((validation) => !validation.valid)) {
      this.clear();
      return false;
    }
    this.rings = rings;
    this.edited = structuredClone(geometry);
    this.settled = new Map([...rings.keys()].map((id) => [id, this.ringOf(id)!]));
    this.onEdit = onEdit;
    this.draw.setMode(SELECT);
    this.draw.selectFeature(features[0]!.id!);
    return true;
  }

  /**
   * Replaces the geometry being edited (the app reshaped it: clipped to avoid an overlap, a hole
   * added, a shared vertex moved), keeping the edit going, without reporting a change.
   */
  replaceGeometry(geometry: EditedGeometry): boolean {
    const onEdit = this.onEdit;
    if (!onEdit) return false;
    const sameShape = geometry.coordinates.length === this.edited?.coordinates.length
      && geometry.coordinates.every((polygon, part) => polygon.length === this.edited!.coordinates[part]!.length);
    if (!sameShape) {
      this.clear();
      return this.showRings(geometry, onEdit);
    }
    this.writing = true;
    try {
      for (const [id, { part, ring }] of this.rings) {
        const coordinates = geometry.coordinates[part]![ring]!;
        this.draw.updateFeatureGeometry(id, { type: 'Polygon', coordinates: [coordinates] });
        this.settled.set(id, coordinates);
      }
    } finally {
      this.writing = false;
    }
    this.edited = structuredClone(geometry);
    return true;
  }

  /** Lets the user drag the whole parcel (true) or only its vertices (false). */
  setMoving(moving: boolean): void {
    this.moving = moving;
    this.draw.updateModeOptions<typeof TerraDrawSelectMode>(SELECT, { flags: { [POLYGON]: { feature: this.featureFlags(moving) } } });
  }

  /**
   * Removes the vertex the user last dropped from its ring, as the Delete key does; false when there
   * is none or its ring would keep fewer than 3 corners.
   */
  deleteLastVertex(): boolean {
    const last = this.lastVertex;
    const place = last && this.rings.get(last.id);
    const ring = last && this.ringOf(last.id);
    if (!last || !place || !ring) return false;
    const corners = ring.slice(0, -1).filter((position) => !samePosition(position, last.position));
    if (corners.length === ring.length - 1 || corners.length < 3) return false;
    const after = [...corners, corners[0]!];
    this.writing = true;
    try {
      this.draw.updateFeatureGeometry(last.id, { type: 'Polygon', coordinates: [after] });
    } finally {
      this.writing = false;
    }
    this.lastVertex = null;
    this.ringChanged(last.id, true);
    return true;
  }

  /** Replaces the snap targets and the toggle; takes effect at the next pointer move. */
  setSnap(snap: SnapOptions): void {
    this.snapIndex = createSnapIndex(snap.targets);
    this.snappingEnabled = snap.enabled;
  }

  /** Turns snapping on or off without changing its targets. */
  setSnappingEnabled(enabled: boolean): void {
    this.snappingEnabled = enabled;
  }

  /** Drops whatever is drawn or edited and returns to plain map navigation. */
  clear(): void {
    this.onFinish = null;
    this.onLine = null;
    this.onEdit = null;
    this.rings = new Map();
    this.settled = new Map();
    this.edited = null;
    this.lastVertex = null;
    if (this.moving) this.setMoving(false);
    this.draw.setMode(IDLE);
    this.writing = true;
    this.draw.clear();
    this.writing = false;
  }

  /** Stops terra-draw and removes its layers from the map. */
  destroy(): void {
    this.clear();
    this.draw.stop();
  }

  private featureFlags(draggable: boolean) {
    const snapping = { toCustom: this.snapToData };
    return { draggable, coordinates: { draggable: !draggable, midpoints: !draggable, deletable: !draggable, snappable: snapping } };
  }

  /** A ring's feature changed (a move in progress, or a drop): the edited geometry follows. */
  private ringChanged(id: string | number, dropped: boolean): void {
    const place = this.rings.get(id);
    const after = this.ringOf(id);
    if (!place || !after || !this.edited || !this.onEdit) return;
    const before = this.settled.get(id) ?? after;
    if (this.moving) this.translateOtherRings(id, before, after);
    this.edited.coordinates[place.part]![place.ring] = after;
    if (dropped) {
      if (this.moving) for (const [ringId, { part: p, ring: r }] of this.rings) this.settled.set(ringId, this.edited.coordinates[p]![r]!);
      this.settled.set(id, after);
      const moved = after.find((position) => !before.some((previous) => samePosition(previous, position)));
      if (moved) this.lastVertex = { id, position: moved };
    }
    this.onEdit(structuredClone(this.edited), { ...place, before, after, dropped });
  }

  /** The whole parcel follows a dragged ring: every other ring moves by the same offset. */
  private translateOtherRings(id: string | number, before: number[][], after: number[][]): void {
    const dx = after[0]![0]! - before[0]![0]!;
    const dy = after[0]![1]! - before[0]![1]!;
    if (dx === 0 && dy === 0) return;
    this.writing = true;
    try {
      for (const [otherId, { part, ring }] of this.rings) {
        if (otherId === id) continue;
        const from = this.settled.get(otherId)!;
        const moved = from.map(([longitude, latitude]) => [roundCoordinate(longitude! + dx), roundCoordinate(latitude! + dy)]);
        this.draw.updateFeatureGeometry(otherId, { type: 'Polygon', coordinates: [moved] });
        this.edited!.coordinates[part]![ring] = moved;
      }
    } finally {
      this.writing = false;
    }
  }

  private ringOf(id: string | number): number[][] | null {
    const feature = this.draw.getSnapshotFeature(id);
    return feature?.geometry.type === 'Polygon' ? feature.geometry.coordinates[0]! : null;
  }

  private polygonOf(id: string | number): DrawnPolygon | null {
    const feature = this.draw.getSnapshotFeature(id);
    return feature?.geometry.type === 'Polygon' ? { type: 'Polygon', coordinates: feature.geometry.coordinates } : null;
  }

  private readonly snapToData: SnapToCustom = (event: TerraDrawMouseEvent, context) => {
    if (!this.snappingEnabled || event.heldKeys.includes(SNAP_SUSPEND_KEY)) return undefined;
    const snapped = this.snapIndex.snap(event, SNAP_TOLERANCE_PX, context.project, context.unproject);
    return snapped ? snapped.position.map(roundCoordinate) : undefined;
  };
}
