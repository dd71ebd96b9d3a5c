import { useEffect, useRef } from 'react';
import type { BuildingCollection, ContextCollection, Site, SiteAnalysis } from '../../../core/index.js';
import type { Finding } from '../map/finding.js';
import { MapController } from '../map/map-controller.js';
import type { ParcelLayerData } from '../map/parcel-layer-data.js';
import { formatCamera, type MapCamera } from '../routing/site-view.js';

interface SiteMapProps {
  site: Site;
  context: ContextCollection | undefined;
  buildings: BuildingCollection | undefined;
  parcels: ParcelLayerData | undefined;
  /** Gaps, overlaps and overflow of the chosen service, drawn over the parcels. */
  analysis: SiteAnalysis | null;
  focusedFinding: Finding | null;
  /** True while the parcels of a newly chosen phase are on their way. */
  loading: boolean;
  /** The selected parcel, or the parcels picked for a merge. */
  selectedParcelIds: readonly string[];
  /** Every service at once: parcels lie on top of each other (see parcelFillPaint). */
  allServices: boolean;
  attribution: string;
  label: string;
  /** Where the map looks (from the URL); null: the whole site. */
  camera: MapCamera | null;
  /** Counts the user's moves back and forward in the history: each one takes the map to `camera`; its own moves do not. */
  cameraRevision: number;
  onParcelClick: (parcelId: string | null) => void;
  onCameraChange: (camera: MapCamera) => void;
  /** Receives the map's controller once created (and null when it goes), for the editor. */
  onController?: (controller: MapController | null) => void;
}

/** React's side of the map: creates the MapController for a site and feeds it the props. */
export function SiteMap(props: SiteMapProps) {
  const { site, context, buildings, parcels, analysis, focusedFinding, loading, selectedParcelIds, allServices, attribution, label } = props;
  const containerRef = useRef<HTMLDivElement>(null);
  const controllerRef = useRef<MapController | null>(null);
  const onParcelClickRef = useRef(props.onParcelClick);
  onParcelClickRef.current = props.onParcelClick;
  const attributionRef = useRef(attribution);
  const onControllerRef = useRef(props.onController);
  onControllerRef.current = props.onController;
  const onCameraChangeRef = useRef(props.onCameraChange);
  onCameraChangeRef.current = props.onCameraChange;
  const cameraRef = useRef(props.camera);
  cameraRef.current = props.camera;
  const appliedRevision = useRef(props.cameraRevision);

  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    const controller = new MapController({
      container,
      bbox: site.bbox,
      perimeter: site.perimeter,
      attribution: attributionRef.current,
      camera: cameraRef.current,
      onParcelClick: (parcelId) => onParcelClickRef.current(parcelId),
      onCameraChange: (camera) => onCameraChangeRef.current(camera),
    });
    controllerRef.current = controller;
    onControllerRef.current?.(controller);
    return () => {
      controllerRef.current = null;
      onControllerRef.current?.(null);
      controller.destroy();
    };
  }, [site]);

  useEffect(() => {
    if (context) controllerRef.current?.setContext(context);
  }, [site, context]);
  useEffect(() => {
    if (buildings) controllerRef.current?.setBuildings(buildings);
  }, [site, buildings]);
  useEffect(() => {
    if (parcels) controllerRef.current?.setParcels(parcels);
  }, [site, parcels]);
  useEffect(() => {
    controllerRef.current?.setAnalysis(analysis);
  }, [site, analysis]);
  useEffect(() => {
    controllerRef.current?.focusFinding(focusedFinding);
  }, [site, focusedFinding]);
  useEffect(() => {
    controllerRef.current?.setLoading(loading);
  }, [site, loading]);
  useEffect(() => {
    controllerRef.current?.setSelectedParcels(selectedParcelIds);
  }, [site, selectedParcelIds]);
  // Back or forward: the map goes to the camera of the entry arrived at, unless it is there already.
  useEffect(() => {
    const controller = controllerRef.current;
    if (!controller || appliedRevision.current === props.cameraRevision) return;
    appliedRevision.current = props.cameraRevision;
    const camera = cameraRef.current;
    if (camera && formatCamera(camera) === formatCamera(controller.camera())) return;
    controller.showCamera(camera);
  }, [site, props.cameraRevision]);
  useEffect(() => {
    controllerRef.current?.setAllServices(allServices);
  }, [site, allServices]);
  useEffect(() => {
    if (attributionRef.current === attribution) return;
    attributionRef.current = attribution;
    controllerRef.current?.setAttribution(attribution);
  }, [attribution]);

  return <div ref={containerRef} className="site-map" role="region" aria-label={label} />;
}
