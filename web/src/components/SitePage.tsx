import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Suspense, useCallback, useDeferredValue, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { GapFeature, MultiPolygon, OverlapFeature, ParcelEdit, SiteAnalysis } from '../../../core/index.js';
import { filterParcels, type Parcel } from '../domain/filter-parcels.js';
import type { Draft } from '../editing/editor-geometry.js';
import { geometryBbox } from '../../../core/index.js';
import { legendEntries } from '../domain/legend-entries.js';
import { toParcelLayerData } from '../map/parcel-layer-data.js';
import { reloadSiteLayers, siteQueries, storeParcelWrites } from '../api/site-queries.js';
import type { ParcelWrite } from '../domain/parcel-writes.js';
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
import { mergePicks, outlinedParcelIds } from '../editing/editor-state.js';
import { EditorStore, EditorStoreContext, useEditorState } from '../editing/editor-store.js';
import { useEditHistory } from '../editing/use-edit-history.js';
import { useSiteData } from '../use-site-data.js';
import { AnalysisPanel } from './AnalysisPanel.js';
import { ChangeNotice } from './ChangeNotice.js';
import { EditorTools } from './EditorTools.js';
import { Header } from './Header.js';
import { Legend } from './Legend.js';
import { ResolveOverlapDialog } from './lazy-editor.js';
import { LoadState } from './LoadState.js';
import { ParcelList } from './ParcelList.js';
import { PanelSheet } from './PanelSheet.js';
import { ParcelPanel } from './ParcelPanel.js';
import { PhaseSelector } from './PhaseSelector.js';
import { ServiceFilter } from './ServiceFilter.js';
import { SiteMap } from './SiteMap.js';

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

/** A site's map: parcels of one phase coloured by organisation, filtered by service; its editing state in one store. */
export function SitePage({ siteId }: { siteId: string }) {
  const [store] = useState(() => new EditorStore());
  return <EditorStoreContext value={store}><SiteView siteId={siteId} store={store} /></EditorStoreContext>;
}

function SiteView({ siteId, store }: { siteId: string; store: EditorStore }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  // Phase, service, selection and camera live in the URL: a link opens the same view, back and forward move between views.
  const siteView = useSiteView();
  const { phase, serviceCode, parcelId: selectedParcelId } = siteView.view;
  const setSelectedParcelId = useCallback((parcelId: string | null) => siteView.show({ parcelId }), [siteView.show]);
  const [controller, setController] = useState<MapController | null>(null);
  const focusedFinding = useEditorState((state) => state.focusedFinding);
  const resolvingOverlap = useEditorState((state) => state.resolvingOverlap);
  const editingStarted = useEditorState((state) => state.editingStarted);
  const picks = useEditorState(mergePicks);
  // Neighbours reshaped by the edit in progress (shared vertices), drawn as they will be saved; redrawing them can wait for the live check's figures.
  const drafts = useDeferredValue(useEditorState((state) => state.drafts));
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
  const analysis = useQuery(siteQueries.analysis(siteId, phase, serviceCode));
  const analysisLoading = serviceCode !== null && analysis.isFetching;
  // Other editors' saves: what the page shows is loaded again.
  const changeNotice = useSiteChanges(siteId, () => reloadSiteLayers(queryClient, siteId));
  /** Parcels as a save, an undo or a resolution left them: into the cache, instead of loading the phase again. */
  const written = (writes: readonly ParcelWrite[]) => {
    live.clearPreview();
    storeParcelWrites(queryClient, siteId, writes);
  };
  const editHistory = useEditHistory(siteId, written);
  const { site, phases, organisations, services, context, parcels, buildings, layersPhase } = data;
  // The browser engine, in a worker, checks a drawn parcel at once; the server's analysis replaces it after the save.
  // The worker starts with the first gesture: an editor who only reads never fetches it.
  const live = useLiveAnalysis(canDraw && editingStarted, site, layersPhase ?? phase, serviceCode, parcels, buildings);
  const serverAnalysis = serviceCode && !analysis.isFetching ? analysis.data : undefined;
  const layersLoading = layersPhase !== phase || data.status.loading;

  // The saved parcels of the phase and service; the map shows them with the shapes of the edit in progress.
  const savedParcels = useMemo(
    () => (parcels && layersPhase !== undefined ? filterParcels(parcels.features, { phase: layersPhase, serviceCode }) : undefined),
    [parcels, layersPhase, serviceCode],
  );
  const shownParcels = useMemo(() => savedParcels && withDrafts(savedParcels, drafts), [savedParcels, drafts]);
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
  const focusFinding = useCallback((finding: Finding | null) => store.dispatch({ type: 'findingFocused', finding }), [store]);
  const fillGap = useCallback((gap: GapFeature) => store.dispatch({ type: 'requested', request: { kind: 'fillGap', geometry: gap.geometry } }), [store]);
  const resolveOverlap = useCallback((overlap: OverlapFeature | null) => store.dispatch({ type: 'overlapResolving', overlap }), [store]);
  const parcelsAtPhase = useMemo(() => filterParcels(parcels?.features ?? [], { phase, serviceCode: null }), [parcels, phase]);
  // The editor's callbacks come long after a render: they read the parcels from the cache as they are then.
  const currentParcels = useCallback(
    () => filterParcels(queryClient.getQueryData(siteQueries.parcels(siteId, phase).queryKey)?.features ?? [], { phase, serviceCode: null }),
    [queryClient, siteId, phase],
  );
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
  const selectedIds = useMemo(() => outlinedParcelIds(picks, selectedParcel ? selectedParcelId : null), [picks, selectedParcel, selectedParcelId]);
  // A click on the map or an item of the parcel list goes to the store: a merge in progress takes it, else it selects.
  const pickParcel = useCallback((parcelId: string | null) => {
    if (!store.clickParcel(parcelId, parcelsAtPhase)) setSelectedParcelId(parcelId);
  }, [store, parcelsAtPhase, setSelectedParcelId]);
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
            <EditorTools selectedParcel={selectedParcel} history={editHistory} editor={{
              siteId,
              minArea: site.tolerance,
              phase,
              serviceCode,
              controller,
              currentParcels,
              snapTargets,
              organisations: organisations ?? [],
              services: services ?? [],
              phases: phases ?? [],
              onDrawn: (shown) => live.checkEdits(liveEditsOf(shown, phase, serviceCode)),
              onStop: live.reset,
              onRecord: editHistory.record,
              onSaved: (writes, parcelId) => {
                written(writes);
                setSelectedParcelId(parcelId);
              },
            }} />
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
              focusFinding(null);
            }}
          />
          <ServiceFilter
            services={services ?? []}
            value={serviceCode}
            onChange={(next) => {
              siteView.show({ serviceCode: next });
              focusFinding(null);
            }}
          />
          {serviceCode ? (
            <WithShownAnalysis preview={live.preview} server={serverAnalysis} render={(shownAnalysis) => <AnalysisPanel
              serviceLabel={serviceName(serviceCode)}
              analysis={shownAnalysis}
              organisations={organisations ?? []}
              focusedId={focusedFinding?.id ?? null}
              onFocus={focusFinding}
              onFillGap={canDraw ? fillGap : undefined}
              onResolveOverlap={canDraw ? resolveOverlap : undefined}
            />} />
          ) : (
            <p className="analysis__empty">{t('analysis.chooseService')}</p>
          )}
          <Legend entries={legend} allServices={serviceCode === null} />
          <ParcelList parcels={savedParcels} organisations={organisations} selectedIds={selectedIds} onActivate={pickListedParcel} />
          {canDraw && site && serviceCode && editingStarted && (
            <Suspense fallback={null}><ResolveOverlapDialog
              siteId={siteId}
              overlap={resolvingOverlap}
              parcels={parcels?.features ?? []}
              organisations={organisations ?? []}
              services={services ?? []}
              serviceCode={serviceCode}
              minArea={site.tolerance}
              onClose={() => resolveOverlap(null)}
              onRecord={editHistory.record}
              onResolved={(writes) => {
                resolveOverlap(null);
                written(writes);
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
            loading={layersLoading || analysisLoading}
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
