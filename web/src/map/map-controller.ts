import {
  AttributionControl,
  Map as MapLibreMap,
  NavigationControl,
  ScaleControl,
  setWorkerUrl,
  type GeoJSONSource,
  type GeoJSONSourceSpecification,
  type MapMouseEvent,
} from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import type { BuildingCollection, ContextCollection, MultiPolygon, SiteAnalysis } from '../../../core/index.js';
import type { MapCamera } from '../routing/site-view.js';
import type { DrawnPolygon, EditedGeometry, ParcelDrawing, RingChange, SnapOptions } from '../draw/parcel-drawing.js';
import { DeferredAnalysisOverlay } from './deferred-analysis-overlay.js';
import type { Finding } from './finding.js';
import { buildBaseStyle, parcelFillPaint } from './base-style.js';
import { LAYER_IDS, PARCEL_ID_PROPERTY, SOURCE_IDS } from './layer-ids.js';
import type { ParcelLayerData } from './parcel-layer-data.js';
import { parcelLayerDiff } from './parcel-layer-diff.js';
import { countRenderedParcels, publishTestHook } from './test-hook.js';

// The worker is bundled by Vite and served from the app's origin (no CDN).
setWorkerUrl(workerUrl);

/** The drawing code (terra-draw), fetched only by those who edit: viewers never download it. */
let drawingModule: Promise<typeof import('../draw/parcel-drawing.js')> | null = null;
let ParcelDrawingClass: typeof ParcelDrawing | null = null;

/** Fetches the drawing code once; the controllers' drawing methods work after it resolves. */
export function loadParcelDrawing(): Promise<void> {
  drawingModule ??= import('../draw/parcel-drawing.js');
  return drawingModule.then((module) => {
    ParcelDrawingClass = module.ParcelDrawing;
  });
}

type SourceData = GeoJSONSourceSpecification['data'];
/** Pixels around the site when the map is fitted to it. */
const SITE_PADDING = 32;
type DataSourceId = typeof SOURCE_IDS.context | typeof SOURCE_IDS.buildings | typeof SOURCE_IDS.parcels;

/** What the map needs at creation; everything else is fed through the setters. */
export interface MapControllerOptions {
  container: HTMLElement;
  bbox: [number, number, number, number];
  perimeter: MultiPolygon | null;
  attribution: string;
  /** Where to look at first; null fits the site's box. */
  camera: MapCamera | null;
  onParcelClick: (parcelId: string | null) => void;
  /** The map came to rest somewhere else (a pan, a zoom, a jump). */
  onCameraChange: (camera: MapCamera) => void;
}

/**
 * The only owner of the MapLibre map. React feeds it data through the setters; a setter given the
 * same object as last time does nothing, so re-renders cost nothing on the map side.
 */
export class MapController {
  private readonly map: MapLibreMap;
  private readonly container: HTMLElement;
  private readonly pending = new Map<DataSourceId, SourceData>();
  private readonly current = new Map<DataSourceId, unknown>();
  private attributionControl: AttributionControl;
  private styleLoaded = false;
  private parcelsGeneration = 0;
  private parcelsAppliedGeneration = -1;
  /** The parcels last handed to the map's source. */
  private appliedParcels: ParcelLayerData | null = null;
  private selectedParcelIds: readonly string[] = [];
  private allServices = false;
  private loading = false;
  private readonly analysisOverlay: DeferredAnalysisOverlay;
  private drawing: ParcelDrawing | null = null;
  private drawingActive = false;
  /** When (Date.now()) the map last became ready, for the test hook. */
  private readyAt = 0;
  private readonly bbox: [number, number, number, number];

  constructor(options: MapControllerOptions) {
    this.container = options.container;
    this.bbox = options.bbox;
    this.container.dataset.mapReady = 'false';
    this.container.dataset.analysisDrawn = 'true';
    this.analysisOverlay = new DeferredAnalysisOverlay(
      (onDrawn) => import('./analysis-overlay.js').then(({ AnalysisOverlay }) => new AnalysisOverlay(this.map, onDrawn)),
      (drawn) => {
        this.container.dataset.analysisDrawn = String(drawn);
      },
    );
    this.map = new MapLibreMap({
      container: options.container,
      style: buildBaseStyle({ perimeter: options.perimeter }),
      ...(options.camera ? { center: options.camera.center, zoom: options.camera.zoom } : { bounds: options.bbox, fitBoundsOptions: { padding: SITE_PADDING } }),
      maxZoom: 21,
      attributionControl: false,
    });
    this.attributionControl = new AttributionControl({ compact: false, customAttribution: options.attribution });
    this.map.addControl(this.attributionControl, 'bottom-right');
    this.map.addControl(new NavigationControl({ showCompass: false }), 'top-right');
    this.map.addControl(new ScaleControl({ unit: 'metric' }), 'bottom-left');

    this.map.on('load', () => {
      this.styleLoaded = true;
      for (const [sourceId, data] of this.pending) this.apply(sourceId, data);
      this.pending.clear();
      this.applySelection();
      this.applyParcelFill();
    });
    this.map.on('idle', () => this.publishIfReady());
    this.map.on('moveend', () => options.onCameraChange(this.camera()));
    this.map.on('click', (event: MapMouseEvent) => {
      if (!this.drawingActive) options.onParcelClick(this.parcelIdAt(event));
    });
    this.map.on('mousemove', LAYER_IDS.parcelsFill, () => (this.map.getCanvas().style.cursor = 'pointer'));
    this.map.on('mouseleave', LAYER_IDS.parcelsFill, () => (this.map.getCanvas().style.cursor = ''));
  }

  /** Streets and cadastral outlines of the base map. */
  setContext(context: ContextCollection): void {
    this.setSourceData(SOURCE_IDS.context, context);
  }

  /** Building footprints alive at the shown phase. */
  setBuildings(buildings: BuildingCollection): void {
    this.setSourceData(SOURCE_IDS.buildings, buildings);
  }

  /** The parcels to draw, already filtered and coloured (see toParcelLayerData). */
  setParcels(parcels: ParcelLayerData): void {
    if (this.current.get(SOURCE_IDS.parcels) === parcels) return;
    this.parcelsGeneration += 1;
    this.container.dataset.mapReady = 'false';
    this.setSourceData(SOURCE_IDS.parcels, parcels);
  }

  /** While true, the map is not reported ready: the app is fetching data it will show next. */
  setLoading(loading: boolean): void {
    if (loading === this.loading) return;
    this.loading = loading;
    if (loading) this.container.dataset.mapReady = 'false';
    else this.map.triggerRepaint();
  }

  /** Outlines the selected parcels (one, or those picked for a merge, or none). */
  setSelectedParcels(parcelIds: readonly string[]): void {
    if (parcelIds.length === this.selectedParcelIds.length && parcelIds.every((id, index) => id === this.selectedParcelIds[index])) return;
    this.selectedParcelIds = [...parcelIds];
    if (this.styleLoaded) this.applySelection();
  }

  /** Every service at once (true) or one (false): how parcels are filled, see parcelFillPaint. */
  setAllServices(allServices: boolean): void {
    if (allServices === this.allServices) return;
    this.allServices = allServices;
    if (this.styleLoaded) this.applyParcelFill();
  }

  /**
   * Draws the gaps, overlaps and overflow of an analysis over the parcels (or nothing). The overlay's
   * code (deck.gl) is fetched once the parcels are drawn: `data-analysis-drawn` says when it shows.
   */
  setAnalysis(analysis: SiteAnalysis | null): void {
    this.analysisOverlay.setAnalysis(analysis);
  }

  /** Highlights one finding of the analysis and zooms to its box; null clears the highlight. */
  focusFinding(finding: Finding | null): void {
    this.analysisOverlay.setHighlighted(finding?.id ?? null);
    if (finding) this.focusBounds(finding.bbox, 20);
  }

  /** Moves the map onto a box at once, e.g. a parcel chosen from the list; small ones are not zoomed past `maxZoom`. */
  focusBounds(bbox: [number, number, number, number], maxZoom = 19): void {
    // Not ready until the new view is drawn; the repaint guarantees an 'idle' even if the view did not change.
    this.container.dataset.mapReady = 'false';
    this.map.fitBounds(bbox, { padding: 80, maxZoom, duration: 0 });
    this.map.triggerRepaint();
  }

  /** Where the map looks now. */
  camera(): MapCamera {
    const center = this.map.getCenter();
    return { center: [center.lng, center.lat], zoom: this.map.getZoom() };
  }

  /** Moves the map at once to a camera (back and forward in the history), or onto the whole site for null. */
  showCamera(camera: MapCamera | null): void {
    this.container.dataset.mapReady = 'false';
    if (camera) this.map.jumpTo({ center: camera.center, zoom: camera.zoom });
    else this.map.fitBounds(this.bbox, { padding: SITE_PADDING, duration: 0 });
    this.map.triggerRepaint();
  }

  /** Replaces the attribution text, e.g. after a language change. */
  setAttribution(text: string): void {
    this.map.removeControl(this.attributionControl);
    this.attributionControl = new AttributionControl({ compact: false, customAttribution: text });
    this.map.addControl(this.attributionControl, 'bottom-right');
  }

  /**
   * Lets the user draw a new polygon on the map, snapping to `snap.targets`; `onFinish` gets it
   * once closed. It stays drawn until stopDrawing(). Parcel clicks are ignored meanwhile.
   */
  startDrawing(snap: SnapOptions, onFinish: (polygon: DrawnPolygon) => void): void {
    this.drawingActive = true;
    this.parcelDrawing().drawPolygon(snap, onFinish);
  }

  /** Shows every ring of `geometry` with draggable vertices; false if it cannot be edited on the map. */
  startEditing(geometry: EditedGeometry, snap: SnapOptions, onEdit: (geometry: EditedGeometry, change: RingChange) => void): boolean {
    this.drawingActive = true;
    const editable = this.parcelDrawing().editGeometry(geometry, snap, onEdit);
    if (!editable) this.stopDrawing();
    return editable;
  }

  /** Draws a hole or a new part over the parcel being edited; startEditing() again afterwards. */
  startDrawingRing(snap: SnapOptions, onFinish: (polygon: DrawnPolygon) => void): void {
    this.drawingActive = true;
    this.parcelDrawing().drawRing(snap, onFinish);
  }

  /** Lets the user draw a line (to split a parcel along it); `onFinish` gets it. */
  startDrawingLine(snap: SnapOptions, onFinish: (line: number[][]) => void): void {
    this.drawingActive = true;
    this.parcelDrawing().drawLine(snap, onFinish);
  }

  /** Replaces the geometry being edited without ending the edit (the app reshaped it). */
  replaceEditedGeometry(geometry: EditedGeometry): boolean {
    return this.drawing?.replaceGeometry(geometry) ?? false;
  }

  /** Drags the whole parcel being edited (true) or its vertices (false). */
  setMovingParcel(moving: boolean): void {
    this.drawing?.setMoving(moving);
  }

  /** Removes the vertex last dropped from the parcel being edited; false if there is none to remove. */
  deleteLastVertex(): boolean {
    return this.drawing?.deleteLastVertex() ?? false;
  }

  /** Turns snapping on or off while drawing or editing. */
  setSnappingEnabled(enabled: boolean): void {
    this.drawing?.setSnappingEnabled(enabled);
  }

  /** Drops the polygon being drawn or edited and gives parcel clicks back. */
  stopDrawing(): void {
    this.drawingActive = false;
    this.drawing?.clear();
  }

  /** Frees the WebGL context and every listener. */
  destroy(): void {
    this.drawing?.destroy();
    this.analysisOverlay.destroy();
    this.map.remove();
    delete this.container.dataset.mapReady;
    delete this.container.dataset.analysisDrawn;
  }

  private parcelDrawing(): ParcelDrawing {
    if (!this.styleLoaded) throw new Error('MapController: drawing needs the map to be loaded');
    if (!ParcelDrawingClass) throw new Error('MapController: drawing needs loadParcelDrawing() first');
    this.drawing ??= new ParcelDrawingClass(this.map);
    return this.drawing;
  }

  private setSourceData(sourceId: DataSourceId, data: object): void {
    if (this.current.get(sourceId) === data) return;
    this.current.set(sourceId, data);
    if (this.styleLoaded) this.apply(sourceId, data as SourceData);
    else this.pending.set(sourceId, data as SourceData);
  }

  private apply(sourceId: DataSourceId, data: SourceData): void {
    const source = this.map.getSource<GeoJSONSource>(sourceId);
    if (!source) throw new Error(`MapController: the style has no source ${sourceId}`);
    const generation = this.parcelsGeneration;
    // An edit changes a few of thousands of parcels: only those go to MapLibre's worker, and only their tiles are redrawn.
    const diff = sourceId === SOURCE_IDS.parcels && this.appliedParcels ? parcelLayerDiff(this.appliedParcels, data as ParcelLayerData) : null;
    if (sourceId === SOURCE_IDS.parcels) this.appliedParcels = data as ParcelLayerData;
    void (diff ? source.updateData(diff) : source.setData(data)).then(() => {
      if (sourceId !== SOURCE_IDS.parcels) return;
      this.parcelsAppliedGeneration = Math.max(this.parcelsAppliedGeneration, generation);
      // Guarantees one more 'idle' once the new parcels are drawn.
      this.map.triggerRepaint();
    });
  }

  private applySelection(): void {
    this.map.setFilter(LAYER_IDS.parcelsSelectedLine, ['in', ['get', PARCEL_ID_PROPERTY], ['literal', [...this.selectedParcelIds]]]);
  }

  private applyParcelFill(): void {
    const paint = parcelFillPaint(this.allServices);
    this.map.setPaintProperty(LAYER_IDS.parcelsFill, 'fill-color', paint['fill-color']);
    this.map.setPaintProperty(LAYER_IDS.parcelsFill, 'fill-opacity', paint['fill-opacity']);
  }

  private parcelIdAt(event: MapMouseEvent): string | null {
    if (!this.styleLoaded) return null;
    const [feature] = this.map.queryRenderedFeatures(event.point, { layers: [LAYER_IDS.parcelsFill] });
    const parcelId: unknown = feature?.properties[PARCEL_ID_PROPERTY];
    return typeof parcelId === 'string' ? parcelId : null;
  }

  private publishIfReady(): void {
    const ready =
      !this.loading &&
      this.styleLoaded &&
      this.parcelsAppliedGeneration === this.parcelsGeneration &&
      this.current.has(SOURCE_IDS.parcels) &&
      this.map.isSourceLoaded(SOURCE_IDS.parcels);
    if (!ready) return;
    const parcels = this.current.get(SOURCE_IDS.parcels) as ParcelLayerData;
    // Every 'idle' publishes again; the map became ready at the first of them.
    if (this.container.dataset.mapReady !== 'true') this.readyAt = Date.now();
    publishTestHook(this.map, countRenderedParcels(this.map.queryRenderedFeatures({ layers: [LAYER_IDS.parcelsFill] })), parcels.features.length, this.readyAt);
    this.container.dataset.mapReady = 'true';
    this.analysisOverlay.allowLoading();
  }
}
