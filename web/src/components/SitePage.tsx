import { startTransition, Suspense, useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { GapFeature, MultiPolygon, OverlapFeature, ParcelEdit, SiteAnalysis } from '../../../core/index.js';
import { filterParcels, type Parcel } from '../domain/filter-parcels.js';
import type { Draft } from '../editing/editor-geometry.js';
import { geometryBbox } from '../../../core/index.js';
import { legendEntries } from '../domain/legend-entries.js';
import { toParcelLayerData } from '../map/parcel-layer-data.js';
import { api } from '../api/client.js';
import { serviceLabel } from '../domain/service-label.js';
import type { Finding } from '../map/finding.js';
import type { SnapGeometry } from '../draw/snap-index.js';
import type { MapController } from '../map/map-controller.js';
import { resolveSiteView } from '../routing/site-view.js';
import { useSiteView } from '../routing/use-site-view.js';
import { roleOnSite, useSession } from '../session/use-session.js';
import { useSiteChanges } from '../session/use-site-changes.js';
import { useLivePreview, type LivePreview } from '../analysis/live-preview.js';
import { useLiveAnalysis } from '../analysis/use-live-analysis.js';
import { useAsync } from '../use-async.js';
import { useEditHistory } from '../editing/use-edit-history.js';
import { useSiteData } from '../use-site-data.js';
import { AnalysisPanel } from './AnalysisPanel.js';
import { ChangeNotice } from './ChangeNotice.js';
import type { EditorHandle } from './Editor.js';
import { Header } from './Header.js';
import { Legend } from './Legend.js';
import { EditHistoryControls, Editor, ResolveOverlapDialog } from './lazy-editor.js';
import { LoadState } from './LoadState.js';
import { ParcelList } from './ParcelList.js';
import { PanelSheet } from './PanelSheet.js';
import { ParcelPanel } from './ParcelPanel.js';
import { PhaseSelector } from './PhaseSelector.js';
import { ServiceFilter } from './ServiceFilter.js';
import { SiteMap } from './SiteMap.js';

const NO_PARCELS: readonly string[] = [];
const NO_DRAFTS: ReadonlyMap<string, MultiPolygon | null> = new Map();

/** The parcels with the unsaved shapes of an edit in progress (null: merged away). */
function withDrafts(parcels: Parcel[], drafts: ReadonlyMap<string, MultiPolygon | null>): Parcel[] {
  if (drafts.size === 0) return parcels;
  return parcels.flatMap((parcel) => {
    const draft = drafts.get(String(parcel.id));
    if (draft === undefined) return [parcel];
    return draft === null ? [] : [{ ...parcel, geometry: draft }];
  });
}

/** The drafts of a gesture as the live check takes them: each parcel as stored (or null) and as drawn (or null). */
function liveEditsOf(drafts: readonly Draft[], phase: number, serviceCode: string | null): ParcelEdit[] {
  return drafts.map((draft, index) => {
    const parcel = draft.parcel;
    const before = parcel ? { ...parcel, id: String(parcel.id) } : null;
    const after = draft.geometry && {
      id: parcel ? String(parcel.id) : `draft-${index}`,
      geometry: draft.geometry,
      properties: {
        organisationId: parcel?.properties.organisationId ?? 'draft',
        services: parcel?.properties.services ?? (serviceCode ? [serviceCode] : []),
        fromPhase: parcel?.properties.fromPhase ?? phase,
        toPhase: parcel?.properties.toPhase ?? null,
      },
    };
    return { before, after };
  });
}

/** The neighbours a gesture reshaped, by id; `previous` itself when they are the same, so that the parcels layer is left alone. */
function draftGeometriesOf(drafts: readonly Draft[], previous: ReadonlyMap<string, MultiPolygon | null>): ReadonlyMap<string, MultiPolygon | null> {
  const next = new Map(drafts.flatMap((draft, index) => (draft.parcel && index > 0 ? [[String(draft.parcel.id), draft.geometry] as const] : [])));
  const same = next.size === previous.size && [...next].every(([id, geometry]) => previous.has(id) && previous.get(id) === geometry);
  return same ? previous : next;
}

/** A site's map: parcels of one phase coloured by organisation, filtered by service. */
export function SitePage({ siteId }: { siteId: string }) {
  const { t, i18n } = useTranslation();
  // Phase, service, selection and camera live in the URL: a link opens the same view, back and forward move between views.
  const siteView = useSiteView();
  const { phase, serviceCode, parcelId: selectedParcelId } = siteView.view;
  const setSelectedParcelId = useCallback((parcelId: string | null) => siteView.show({ parcelId }), [siteView.show]);
  const [focusedFinding, setFocusedFinding] = useState<Finding | null>(null);
  const [controller, setController] = useState<MapController | null>(null);
  const editorRef = useRef<EditorHandle>(null);
  const [resolvingOverlap, setResolvingOverlap] = useState<OverlapFeature | null>(null);
  const role = roleOnSite(useSession(), siteId);
  // The project team edits future phases only; viewers and visitors never see the editor.
  const canDraw = role === 'admin' || role === 'coordinator' || (role === 'project' && phase >= 1);
  const data = useSiteData(siteId, phase);
  const resolvedView = resolveSiteView(siteView.view, data.phases && data.services
    ? { phases: data.phases.map((known) => known.ordinal), serviceCodes: data.services.map((known) => known.code) }
    : null);
  useEffect(() => {
    if (resolvedView !== siteView.view) siteView.correct(resolvedView);
  }, [resolvedView, siteView]);
  const analysis = useAsync(
    (signal) => (serviceCode ? api.getAnalysis(siteId, phase, serviceCode, signal) : Promise.resolve(undefined)),
    [siteId, phase, serviceCode],
  );
  // Other editors' saves: reload what the page shows.
  const changeNotice = useSiteChanges(siteId, () => {
    data.reloadLayers();
    analysis.retry();
  });
  // Undo and redo reload the page's layers and analysis, as after a save.
  const editHistory = useEditHistory(siteId, () => {
    live.clearPreview();
    data.reloadLayers();
    analysis.retry();
  });
  const { site, phases, organisations, services, context, parcels, buildings, layersPhase } = data;
  // The browser engine, in a worker, checks a drawn parcel at once; the server's analysis replaces it after the save.
  const live = useLiveAnalysis(canDraw, site, layersPhase ?? phase, serviceCode, parcels, buildings);
  // Neighbours reshaped by the edit in progress (shared vertices): drawn as they will be saved.
  const [draftGeometries, setDraftGeometries] = useState<ReadonlyMap<string, MultiPolygon | null>>(NO_DRAFTS);
  const [highlighted, setHighlighted] = useState<readonly string[] | null>(null);
  const serverAnalysis = serviceCode && !analysis.loading ? analysis.value : undefined;
  const layersLoading = layersPhase !== phase || data.status.loading;

  // The saved parcels of the phase and service; the map shows them with the shapes of the edit in progress.
  const savedParcels = useMemo(
    () => (parcels && layersPhase !== undefined ? filterParcels(parcels.features, { phase: layersPhase, serviceCode }) : undefined),
    [parcels, layersPhase, serviceCode],
  );
  const shownParcels = useMemo(() => savedParcels && withDrafts(savedParcels, draftGeometries), [savedParcels, draftGeometries]);
  const layerData = useMemo(
    () => (shownParcels && organisations ? toParcelLayerData(shownParcels, organisations) : undefined),
    [shownParcels, organisations],
  );
  const legend = useMemo(
    () => (shownParcels && organisations ? legendEntries(shownParcels, organisations) : []),
    [shownParcels, organisations],
  );
  const serviceName = (code: string) => {
    const service = services?.find((candidate) => candidate.code === code);
    return service ? serviceLabel(service, i18n.language) : code;
  };
  // Stable, so that the panel's findings are not all drawn again when the page renders.
  const fillGap = useCallback((gap: GapFeature) => editorRef.current?.fillGap(gap.geometry), []);
  const parcelsAtPhase = useMemo(() => filterParcels(parcels?.features ?? [], { phase, serviceCode: null }), [parcels, phase]);
  const selectedParcel = shownParcels?.find((parcel) => String(parcel.id) === selectedParcelId);
  const snapTargets = useCallback(
    (exceptParcelId: string | null): SnapGeometry[] => [
      ...filterParcels(parcels?.features ?? [], { phase, serviceCode: null })
        .filter((parcel) => String(parcel.id) !== exceptParcelId)
        .map((parcel) => parcel.geometry),
      ...(buildings?.features ?? []).map((building) => building.geometry),
      ...(site?.perimeter ? [site.perimeter] : []),
    ],
    [parcels, buildings, site, phase],
  );
  // The map's outline and the list's marks: the parcels picked for a merge, else the selected one.
  const selectionShown = Boolean(selectedParcel && selectedParcelId);
  const selectedIds = useMemo(
    () => highlighted ?? (selectionShown && selectedParcelId ? [selectedParcelId] : NO_PARCELS),
    [highlighted, selectionShown, selectedParcelId],
  );
  // A click on the map or an item of the parcel list: the editor takes it while picking parcels to merge.
  const pickParcel = useCallback((parcelId: string | null) => {
    if (!editorRef.current?.parcelClicked(parcelId)) setSelectedParcelId(parcelId);
  }, [setSelectedParcelId]);
  const pickListedParcel = useCallback((parcel: Parcel) => {
    pickParcel(String(parcel.id));
    controller?.focusBounds(geometryBbox(parcel.geometry.coordinates));
  }, [pickParcel, controller]);

  return (
    <div className="page">
      <Header title={site ? `${site.name} — ${site.commune}` : undefined} />
      <main className="site">
        <PanelSheet label={t('site.controlsLabel')} reveal={selectedParcelId}>
          <LoadState state={data.status} />
          <ChangeNotice notice={changeNotice} />
          {canDraw && site && (
            <Suspense fallback={null}><Editor
              ref={editorRef}
              siteId={siteId}
              minArea={site.tolerance}
              phase={phase}
              serviceCode={serviceCode}
              canDraw={canDraw}
              controller={controller}
              snapTargets={snapTargets}
              selectedParcel={selectedParcel}
              organisations={organisations ?? []}
              services={services ?? []}
              phases={phases ?? []}
              onStart={() => setFocusedFinding(null)}
              parcels={parcelsAtPhase}
              onDrawn={(drafts) => {
                live.checkEdits(liveEditsOf(drafts, phase, serviceCode));
                // Redrawing the neighbours can wait for the live check's figures: it goes in a transition.
                startTransition(() => setDraftGeometries((previous) => draftGeometriesOf(drafts, previous)));
              }}
              onHighlight={setHighlighted}
              onStop={() => {
                setDraftGeometries(NO_DRAFTS);
                live.reset();
              }}
              onRecord={editHistory.record}
              historyControls={<EditHistoryControls history={editHistory} />}
              onSaved={(parcelId) => {
                live.clearPreview();
                setDraftGeometries(NO_DRAFTS);
                data.reloadLayers();
                analysis.retry();
                setSelectedParcelId(parcelId);
              }}
            /></Suspense>
          )}
          {/* Right under the tools it goes with, not below the lists where nobody would see it. */}
          {selectedParcel && (
            <ParcelPanel
              parcel={selectedParcel}
              organisations={organisations ?? []}
              services={services ?? []}
              onClose={() => setSelectedParcelId(null)}
            />
          )}
          <PhaseSelector
            phases={phases ?? []}
            value={phase}
            onChange={(next) => {
              siteView.show({ phase: next, parcelId: null });
              setFocusedFinding(null);
            }}
          />
          <ServiceFilter
            services={services ?? []}
            value={serviceCode}
            onChange={(next) => {
              siteView.show({ serviceCode: next });
              setFocusedFinding(null);
            }}
          />
          {serviceCode ? (
            <WithShownAnalysis preview={live.preview} server={serverAnalysis} render={(shownAnalysis) => <AnalysisPanel
              serviceLabel={serviceName(serviceCode)}
              analysis={shownAnalysis}
              organisations={organisations ?? []}
              focusedId={focusedFinding?.id ?? null}
              onFocus={setFocusedFinding}
              onFillGap={canDraw ? fillGap : undefined}
              onResolveOverlap={canDraw ? setResolvingOverlap : undefined}
            />} />
          ) : (
            <p className="analysis__empty">{t('analysis.chooseService')}</p>
          )}
          <Legend entries={legend} allServices={serviceCode === null} />
          <ParcelList parcels={savedParcels} organisations={organisations} selectedIds={selectedIds} onActivate={pickListedParcel} />
          {canDraw && site && serviceCode && (
            <Suspense fallback={null}><ResolveOverlapDialog
              siteId={siteId}
              overlap={resolvingOverlap}
              parcels={parcels?.features ?? []}
              organisations={organisations ?? []}
              services={services ?? []}
              serviceCode={serviceCode}
              minArea={site.tolerance}
              onClose={() => setResolvingOverlap(null)}
              onRecord={editHistory.record}
              onResolved={() => {
                setResolvingOverlap(null);
                data.reloadLayers();
                analysis.retry();
              }}
            /></Suspense>
          )}
        </PanelSheet>
        {site && (
          <WithShownAnalysis preview={live.preview} server={serverAnalysis} render={(shownAnalysis) => <SiteMap
            site={site}
            context={context}
            buildings={buildings}
            parcels={layerData}
            analysis={shownAnalysis ?? null}
            focusedFinding={focusedFinding}
            loading={layersLoading || (serviceCode !== null && analysis.loading)}
            selectedParcelIds={selectedIds}
            allServices={serviceCode === null}
            attribution={t('map.attribution')}
            label={t('site.mapLabel', { name: site.name })}
            camera={siteView.view.camera}
            cameraRevision={siteView.travelled}
            onCameraChange={siteView.cameraMoved}
            onParcelClick={pickParcel}
            onController={setController}
          />} />
        )}
      </main>
    </div>
  );
}

/**
 * The live check's preview of the gesture in progress if there is one, else the server's analysis.
 * Only what shows it renders again when a check comes back, not the whole page.
 */
function WithShownAnalysis({ preview, server, render }: {
  preview: LivePreview;
  server: SiteAnalysis | undefined;
  render: (analysis: SiteAnalysis | undefined) => ReactNode;
}) {
  return render(useLivePreview(preview) ?? server);
}
