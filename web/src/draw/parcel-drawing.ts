// The only module of the app that talks to terra-draw: MapController hands it the map, the rest
// of the app sees polygons in and polygons out.
import {
  TerraDraw,
  TerraDrawPolygonMode,
  TerraDrawSelectMode,
  type GeoJSONStoreFeatures,
  type SnapToCustom,
  type TerraDrawMouseEvent,
} from 'terra-draw';
import { TerraDrawMapLibreGLAdapter } from 'terra-draw-maplibre-gl-adapter';
import type { Map as MapLibreMap } from 'maplibre-gl';
import { createSnapIndex, type SnapGeometry, type SnapIndex } from './snap-index.js';

/** A single polygon as the editor draws it (GeoJSON, longitude/latitude). */
export interface DrawnPolygon {
  type: 'Polygon';
  coordinates: number[][][];
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
const SELECT = 'select';
const IDLE = 'static';
const COLOUR = { line: '#d95f02', fill: '#fdb462', handle: '#ffffff', handleOutline: '#d95f02', snap: '#e7298a' } as const;

/** Terra-draw keeps 9 decimals; the demo data has 7, so exact vertices pass through unchanged. */
const roundCoordinate = (value: number) => Math.round(value * 1e9) / 1e9;

/** Draws a new parcel polygon or edits the vertices of one, snapping to the neighbours. */
export class ParcelDrawing {
  private readonly draw: TerraDraw;
  private snapIndex: SnapIndex = createSnapIndex([]);
  private snappingEnabled = true;
  private editedId: string | number | null = null;
  private onFinish: ((polygon: DrawnPolygon) => void) | null = null;
  private onEdit: ((polygon: DrawnPolygon) => void) | null = null;

  constructor(map: MapLibreMap) {
    const snapping = { toCustom: this.snapToData };
    this.draw = new TerraDraw({
      adapter: new TerraDrawMapLibreGLAdapter({ map, coordinatePrecision: 9 }),
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
        new TerraDrawSelectMode({
          allowManualSelection: false,
          allowManualDeselection: false,
          // Delete/Escape must not remove or drop the whole parcel: vertices are deleted by right-click.
          keyEvents: { deselect: null, delete: null, rotate: null, scale: null },
          pointerDistance: coarsePointer ? 30 : 14,
          flags: {
            [POLYGON]: {
              feature: {
                draggable: false,
                coordinates: { draggable: true, midpoints: true, deletable: true, snappable: snapping },
              },
            },
          },
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
      if (context.mode !== POLYGON) return;
      const polygon = this.polygonOf(id);
      this.draw.setMode(IDLE);
      if (polygon) this.onFinish?.(polygon);
    });
    this.draw.on('change', (ids) => {
      if (this.editedId === null || !ids.includes(this.editedId)) return;
      const polygon = this.polygonOf(this.editedId);
      if (polygon) this.onEdit?.(polygon);
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
   * Shows `polygon` with draggable vertices and midpoints; `onEdit` gets each change. Returns false
   * when terra-draw refuses the geometry (e.g. a ring it cannot edit).
   */
  editPolygon(polygon: DrawnPolygon, snap: SnapOptions, onEdit: (polygon: DrawnPolygon) => void): boolean {
    this.clear();
    this.setSnap(snap);
    const id = this.draw.getFeatureId();
    const feature: GeoJSONStoreFeatures = { id, type: 'Feature', geometry: polygon, properties: { mode: POLYGON } };
    const [validation] = this.draw.addFeatures([feature]);
    if (!validation?.valid) return false;
    this.editedId = id;
    this.onEdit = onEdit;
    this.draw.setMode(SELECT);
    this.draw.selectFeature(id);
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
    this.onEdit = null;
    this.editedId = null;
    this.draw.setMode(IDLE);
    this.draw.clear();
  }

  /** Stops terra-draw and removes its layers from the map. */
  destroy(): void {
    this.clear();
    this.draw.stop();
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
