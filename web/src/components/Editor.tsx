import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { geodesicArea, type MultiPolygon, type Organisation, type ParcelFeature, type Phase, type Service } from '../../../core/index.js';
import type { DrawnPolygon, EditedGeometry, RingChange } from '../draw/parcel-drawing.js';
import type { SnapGeometry } from '../draw/snap-index.js';
import type { Parcel } from '../domain/filter-parcels.js';
import { emptyParcelForm, gapFillForm, parcelFormOf, type ParcelFormValues } from '../domain/parcel-form.js';
import type { ParcelWrite } from '../domain/parcel-writes.js';
import type { EditStep } from '../editing/edit-history.js';
import {
  addDrawnRing, avoidOverlap, moveSharedVertexOf, splitForEditor, vertexCount, withInsertedVertices, type Draft, type EditedParcel,
} from '../editing/editor-geometry.js';
import type { EditorMode, EditorRequest, FormState, GestureError } from '../editing/editor-state.js';
import { useEditorState, useEditorStore } from '../editing/editor-store.js';
import type { NeighbourChange } from '../editing/parcel-gestures.js';
import { useGestureSaving } from '../editing/use-gesture-saving.js';
import { mergeVersions } from '../editing/version-conflict.js';
import type { MapController } from '../map/map-controller.js';
import { usePointerContext } from '../use-coarse-pointer.js';
import { CONFLICT_FIELD_LABELS, EditorConflictDialog, type ConflictVersions } from './EditorConflictDialog.js';
import { ParcelForm } from './ParcelForm.js';

interface EditorProps {
  siteId: string;
  /** The site's tolerance (m²): smaller polygons are refused. */
  minArea: number;
  phase: number;
  serviceCode: string | null;
  controller: MapController | null;
  /** Every parcel alive at the phase, all services, as stored now: the neighbours of shared vertices, overlaps and splits. */
  currentParcels: () => readonly Parcel[];
  /** Parcels, buildings and perimeter to snap to, without the parcel `exceptParcelId`. */
  snapTargets: (exceptParcelId: string | null) => SnapGeometry[];
  organisations: readonly Organisation[];
  services: readonly Service[];
  phases: readonly Phase[];
  /** Parcels were created, changed or deleted (as the server left them; `parcelId` the one to select, or null). */
  onSaved: (writes: readonly ParcelWrite[], parcelId: string | null) => void;
  /** Parcels were drawn or reshaped (not saved yet): the page checks them live. */
  onDrawn: (drafts: readonly Draft[]) => void;
  /** Drawing or editing ended, saved or not. */
  onStop: () => void;
  /** A gesture was saved: what it changed, as one undo step. */
  onRecord: (step: EditStep) => void;
}

const asMultiPolygon = (polygon: DrawnPolygon): MultiPolygon => ({ type: 'MultiPolygon', coordinates: [polygon.coordinates] as MultiPolygon['coordinates'] });
const asEdited = (geometry: MultiPolygon): EditedGeometry => geometry as EditedGeometry;

/** The form of a parcel as it opens: drawn (parcel null) or stored. */
const newForm = (geometry: MultiPolygon, parcel: Parcel | null, values: ParcelFormValues): FormState =>
  ({ kind: 'form', geometry, parcel, neighbours: [], notice: null, clippedNeighbours: [], values, errors: {}, confirmDelete: false });

/** The neighbours of `after` that `before` did not have, or had with another shape. */
const reshapedNeighbours = (before: readonly NeighbourChange[], after: readonly NeighbourChange[]): Parcel[] =>
  after.filter((neighbour) => !before.some((old) => old.parcel.id === neighbour.parcel.id && old.geometry === neighbour.geometry)).map((neighbour) => neighbour.parcel);

/** Whether a key press belongs to a text field rather than to the map. */
function isTyping(target: EventTarget | null): boolean {
  const element = target as { tagName?: string; isContentEditable?: boolean } | null;
  return Boolean(element?.isContentEditable) || ['INPUT', 'TEXTAREA', 'SELECT'].includes(element?.tagName ?? '');
}

/**
 * The editing gestures of a site: draw a parcel (holes, parts), reshape one (shared vertices follow,
 * overlaps avoided), move, split, merge and delete, each saved in one request and undone in one step.
 * Its state is the page's editor store: it starts the gestures the page asks for (EditorTools) and
 * shows every mode but the idle one, whose tools are in the page's bundle.
 */
export function Editor(props: EditorProps) {
  const { t, i18n } = useTranslation();
  // Hints speak of taps on a touch screen, of clicks and keys with a mouse.
  const pointer = { context: usePointerContext() };
  const { controller } = props;
  const { dispatch, getState } = useEditorStore();
  const state = useEditorState((current) => current.mode);
  const toggles = useEditorState((current) => current.toggles);
  const busy = useEditorState((current) => current.busy);
  const conflict = useEditorState((current) => current.conflict);
  const request = useEditorState((current) => current.request);

  // The button that started a merge or a split is gone: the focus goes to what the gesture asks for, so a keyboard user reads it and goes on from there.
  const gestureStatus = useRef<HTMLParagraphElement>(null);
  // The form opens above the button that asked for it ("Créer une parcelle ici" in the analysis): it is brought into view.
  const formHeading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (state.kind === 'merging' || state.kind === 'splitting') gestureStatus.current?.focus();
    if (state.kind === 'form') {
      formHeading.current?.closest('form')?.scrollIntoView?.({ block: 'start' });
      formHeading.current?.focus({ preventScroll: true });
    }
  }, [state.kind]);

  const stop = () => {
    props.onStop();
    controller?.stopDrawing();
    dispatch({ type: 'stopped' });
  };
  const { save, confirmSplit, confirmMerge, remove, retry } = useGestureSaving({ ...props, stop });

  const snapOptions = (exceptParcelId: string | null) => ({ targets: props.snapTargets(exceptParcelId), enabled: getState().toggles.snapping });

  const showDrafts = (drafts: readonly Draft[]) => {
    props.onDrawn(drafts);
    dispatch({ type: 'drawn', drafts });
  };
  const showForm = (form: FormState) =>
    showDrafts([{ parcel: form.parcel, geometry: form.geometry }, ...form.neighbours.map((neighbour) => ({ parcel: neighbour.parcel, geometry: neighbour.geometry }))]);

  /** The form once the user dropped a vertex (or a ring): shared vertices follow, overlaps are clipped off, with the toggles as they are now. */
  const settle = (form: FormState, geometry: MultiPolygon, change: RingChange | null): FormState => {
    const { topological, avoidOverlaps } = getState().toggles;
    const parcels = props.currentParcels();
    let next: FormState = { ...form, geometry, notice: null, clippedNeighbours: [] };
    if (topological && form.parcel && change) next = moveSharedVertexOf(next, change, parcels);
    if (avoidOverlaps) {
      const clipped = avoidOverlap(next, form.values.services, parcels, props.minArea);
      if (clipped.kind === 'clipped') {
        const reshaped = withInsertedVertices({ ...next, geometry: clipped.geometry }, clipped.insertions, parcels);
        next = { ...reshaped, notice: t('editor.clipped'), clippedNeighbours: reshapedNeighbours(next.neighbours, reshaped.neighbours) };
      }
      if (clipped.kind === 'covered') next = { ...next, notice: t('editor.coveredByOthers') };
    }
    return next;
  };

  /** terra-draw reports a change of the edited rings: a move in progress, or a drop. */
  const onRingEdit = (geometry: EditedGeometry, change: RingChange) => {
    const form = getState().mode;
    if (form.kind !== 'form') return;
    if (!change.dropped) return dispatch({ type: 'shapeMoved', geometry: geometry as MultiPolygon });
    const next = settle(form, geometry as MultiPolygon, change);
    if (next.geometry !== geometry) controller?.replaceEditedGeometry(asEdited(next.geometry));
    dispatch({ type: 'formReshaped', form: next });
    showForm(next);
  };

  /** Puts a form's geometry on the map with draggable vertices. */
  const editOnMap = (form: FormState): boolean =>
    controller?.startEditing(asEdited(form.geometry), snapOptions(form.parcel ? String(form.parcel.id) : null), onRingEdit) ?? false;

  const openForm = (form: FormState) => {
    if (!editOnMap(form)) controller?.stopDrawing();
    dispatch({ type: 'formOpened', form });
    showForm(form);
  };

  const startDrawing = (map: MapController) => {
    const values = emptyParcelForm(props.phase, props.serviceCode);
    dispatch({ type: 'drawingStarted', values });
    map.startDrawing(snapOptions(null), (polygon) => {
      const geometry = asMultiPolygon(polygon);
      openForm(settle(newForm(geometry, null, values), geometry, null));
    });
  };

  const startRing = (ring: 'hole' | 'part') => {
    const mode = getState().mode;
    if (mode.kind !== 'form' || !controller) return;
    dispatch({ type: 'ringStarted', ring });
    controller.startDrawingRing(snapOptions(mode.parcel ? String(mode.parcel.id) : null), (polygon) => {
      const added = addDrawnRing(mode.geometry, ring, polygon.coordinates[0]!, props.minArea);
      if (added.kind === 'invalid') return openForm({ ...mode, errors: { geometry: { code: added.reason, detail: added.message } } });
      const form = { ...mode, errors: {} };
      openForm(ring === 'part' ? settle(form, added.geometry, null) : { ...form, geometry: added.geometry });
    });
  };

  const startSplit = (map: MapController, parcel: Parcel) => {
    dispatch({ type: 'splitStarted', parcel });
    map.startDrawingLine(snapOptions(null), (line) => {
      const split = splitForEditor(parcel.geometry, line, props.minArea);
      if (split.kind === 'invalid') return dispatch({ type: 'splitDrawn', pieces: null, neighbours: [], error: { reason: 'invalid', message: split.message } });
      const { neighbours } = withInsertedVertices<EditedParcel>({ geometry: split.pieces[0]!, parcel, neighbours: [] }, split.insertions, props.currentParcels());
      dispatch({ type: 'splitDrawn', pieces: split.pieces, neighbours, error: null });
      showDrafts([
        ...split.pieces.map((geometry, index) => ({ parcel: index === 0 ? parcel : null, geometry })),
        ...neighbours.map((neighbour) => ({ parcel: neighbour.parcel, geometry: neighbour.geometry })),
      ]);
    });
  };

  /** Starts what the page asked for; filling a gap drops the gesture in progress, if any. */
  const start = (map: MapController, asked: EditorRequest) => {
    switch (asked.kind) {
      case 'draw':
        return startDrawing(map);
      case 'edit':
        return openForm(newForm(asked.parcel.geometry, asked.parcel, parcelFormOf(asked.parcel.properties)));
      case 'split':
        return startSplit(map, asked.parcel);
      case 'merge':
        return dispatch({ type: 'mergeStarted', parcel: asked.parcel });
      case 'fillGap':
        map.stopDrawing();
        return openForm(newForm(asked.geometry, null, gapFillForm(props.phase, props.serviceCode, props.organisations)));
    }
  };

  // A gesture asked for: started once the map is there (the first one waited for this chunk), and once
  // only: the store says whether it is still waiting (an effect may run twice for one render).
  useEffect(() => {
    if (!request || !controller || getState().request !== request) return;
    dispatch({ type: 'requestTaken' });
    start(controller, request);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- each request is started once, with this render's props.
  }, [request, controller]);

  // The keyboard while a parcel is on the map: Delete removes the vertex last dropped, Escape cancels.
  useEffect(() => {
    if (state.kind === 'idle') return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (isTyping(event.target) || document.querySelector('dialog[open]')) return;
      if (event.key === 'Escape') stop();
      else if ((event.key === 'Delete' || event.key === 'Backspace') && state.kind === 'form' && controller?.deleteLastVertex()) event.preventDefault();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  });

  /** A neighbour as the status names it: its manager first, since it may be another one's. */
  const neighbourNames = (parcels: readonly Parcel[]) => parcels.map((parcel) => {
    const manager = props.organisations.find((organisation) => organisation.id === parcel.properties.organisationId)?.shortName ?? t('legend.unknown');
    return `${manager} — ${parcel.properties.label ?? t('parcel.none')}`;
  }).join(', ');

  /** The parcel of the form as I started from it, as I am saving it and as they saved it; null when the conflict is on another parcel. */
  const conflictVersions = (mode: EditorMode, theirs: ParcelFeature): ConflictVersions | null => {
    if (mode.kind !== 'form' || !mode.parcel || String(mode.parcel.id) !== theirs.id) return null;
    return {
      base: { values: parcelFormOf(mode.parcel.properties), geometry: mode.parcel.geometry },
      mine: { values: mode.values, geometry: mode.geometry },
      theirs: { values: parcelFormOf(theirs.properties), geometry: theirs.geometry },
    };
  };

  /** Back to the form on their version, with my changes on top (mine where we both changed a field). */
  const editOver = (theirs: ParcelFeature) => {
    const mode = getState().mode;
    const versions = conflictVersions(mode, theirs);
    if (mode.kind !== 'form' || !versions) return;
    const { merged, bothChanged } = mergeVersions(versions.base, versions.mine, versions.theirs);
    const version = theirs.properties.version;
    const notice = bothChanged.length > 0
      ? t('editor.conflict.mergedBoth', { version, fields: bothChanged.map((field) => t(CONFLICT_FIELD_LABELS[field])).join(', ') })
      : t('editor.conflict.merged', { version });
    openForm({ ...mode, parcel: theirs, geometry: merged.geometry, values: merged.values, errors: {}, confirmDelete: false, notice });
  };

  const gestureError = (error: GestureError | null) => error && (
    <p className="field__error" role="alert">{error.reason === 'otherOrganisation' ? t('editor.mergeOtherOrganisation') : error.message}</p>
  );
  const toggle = (label: string, hint: string, pressed: boolean, onToggle: () => void) => (
    <button type="button" className="button button--quiet editor__toggle" aria-pressed={pressed} title={hint} onClick={onToggle}>{label}</button>
  );
  const snappingToggle = toggle(t('editor.snapping'), t('editor.snappingHint'), toggles.snapping, () => {
    dispatch({ type: 'toggled', toggle: 'snapping' });
    controller?.setSnappingEnabled(!toggles.snapping);
  });
  // The neighbours the shared vertices moved (those the clip reshaped are named on their own line).
  const movedNeighbours = state.kind === 'form'
    ? state.neighbours.map((neighbour) => neighbour.parcel).filter((parcel) => !state.clippedNeighbours.includes(parcel))
    : [];
  const cancel = <button type="button" className="button button--quiet" onClick={stop}>{t('editor.cancel')}</button>;

  return (
    <>
      {(state.kind === 'drawing' || state.kind === 'ring') && (
        <>
          <p className="editor__hint" role="status">{t(state.kind === 'ring' ? `editor.${state.ring}Hint` : 'editor.drawingHint', pointer)}</p>
          <div className="editor__actions">
            {snappingToggle}
            {state.kind === 'ring'
              ? <button type="button" className="button button--quiet" onClick={() => openForm(state.form)}>{t('editor.back')}</button>
              : cancel}
          </div>
        </>
      )}
      {state.kind === 'splitting' && (
        <>
          <p className="editor__hint" role="status" tabIndex={-1} ref={gestureStatus}>
            {state.pieces ? t('editor.splitReady', { count: state.pieces.length }) : t('editor.splitHint', pointer)}
          </p>
          {state.neighbours.length > 0 && (
            <p className="editor__hint" role="status" data-testid="neighbours-reshaped">
              {t('editor.splitNeighbours', { count: state.neighbours.length, names: neighbourNames(state.neighbours.map((neighbour) => neighbour.parcel)) })}
            </p>
          )}
          {gestureError(state.error)}
          <div className="editor__actions">
            {state.pieces && <button type="button" className="button" disabled={busy} onClick={() => void confirmSplit()}>{t('editor.confirmSplit', { count: state.pieces.length })}</button>}
            {snappingToggle}
            {cancel}
          </div>
        </>
      )}
      {state.kind === 'merging' && (
        <>
          <p className="editor__hint" role="status" tabIndex={-1} ref={gestureStatus}>{t('editor.mergeHint', { count: state.parcels.length })}</p>
          {gestureError(state.error)}
          <div className="editor__actions">
            <button type="button" className="button" disabled={busy || state.parcels.length < 2} onClick={() => void confirmMerge()}>
              {t('editor.confirmMerge', { count: state.parcels.length })}
            </button>
            {cancel}
          </div>
        </>
      )}
      {state.kind === 'form' && (
        <form className="editor__form" aria-label={t(state.parcel ? 'editor.editHeading' : 'editor.newHeading')}
          onSubmit={(event) => { event.preventDefault(); void save(); }}>
          <h2 className="editor__heading" tabIndex={-1} ref={formHeading}>{t(state.parcel ? 'editor.editHeading' : 'editor.newHeading')}</h2>
          <p className="editor__hint">{t('editor.editHint', pointer)}</p>
          <p className="editor__hint" data-testid="shape-figures">
            {t('editor.shape', { area: geodesicArea(state.geometry).toLocaleString(i18n.language, { maximumFractionDigits: 1 }), count: vertexCount(state.geometry) })}
          </p>
          {state.notice && <p className="editor__hint" role="status">{state.notice}</p>}
          {state.clippedNeighbours.length > 0 && (
            <p className="editor__hint" role="status" data-testid="neighbours-reshaped">
              {t('editor.clipNeighbours', { count: state.clippedNeighbours.length, names: neighbourNames(state.clippedNeighbours) })}
            </p>
          )}
          {movedNeighbours.length > 0 && (
            <p className="editor__hint" role="status">{t('editor.neighboursMoved', { count: movedNeighbours.length, names: neighbourNames(movedNeighbours) })}</p>
          )}
          <div className="editor__actions" role="group" aria-label={t('editor.tools')}>
            {snappingToggle}
            {state.parcel && toggle(t('editor.topological'), t('editor.topologicalHint'), toggles.topological, () => dispatch({ type: 'toggled', toggle: 'topological' }))}
            {toggle(t('editor.avoidOverlaps'), t('editor.avoidOverlapsHint'), toggles.avoidOverlaps, () => dispatch({ type: 'toggled', toggle: 'avoidOverlaps' }))}
            {toggle(t('editor.move'), t('editor.moveHint'), toggles.moving, () => {
              dispatch({ type: 'toggled', toggle: 'moving' });
              controller?.setMovingParcel(!toggles.moving);
            })}
            <button type="button" className="button button--quiet" onClick={() => startRing('hole')}>{t('editor.addHole')}</button>
            <button type="button" className="button button--quiet" onClick={() => startRing('part')}>{t('editor.addPart')}</button>
          </div>
          <ParcelForm values={state.values} errors={state.errors} organisations={props.organisations} services={props.services} phases={props.phases}
            onChange={(values) => dispatch({ type: 'valuesChanged', values })} />
          <div className="editor__actions">
            <button type="submit" className="button" disabled={busy}>{t('editor.save')}</button>
            {cancel}
            {state.parcel && !state.confirmDelete && (
              <button type="button" className="button button--danger" onClick={() => dispatch({ type: 'deleteAsked' })}>{t('editor.delete')}</button>
            )}
            {state.parcel && state.confirmDelete && (
              <button type="button" className="button button--danger" disabled={busy} onClick={() => void remove()}>{t('editor.confirmDelete')}</button>
            )}
          </div>
        </form>
      )}
      <EditorConflictDialog
        conflict={conflict && {
          updatedBy: conflict.updatedBy,
          version: conflict.current.properties.version,
          label: conflict.current.properties.label,
          versions: conflict.retry === 'delete' ? null : conflictVersions(state, conflict.current),
        }}
        organisations={props.organisations}
        services={props.services}
        phases={props.phases}
        onEdit={conflict?.retry === 'delete' ? undefined : () => {
          const theirs = conflict!.current;
          dispatch({ type: 'conflictClosed' });
          editOver(theirs);
        }}
        onKeepTheirs={() => {
          const theirs = conflict!.current;
          dispatch({ type: 'conflictClosed' });
          stop();
          props.onSaved([{ id: theirs.id, feature: theirs }], theirs.id);
        }}
        onKeepMine={() => {
          const { current: theirs, retry: gesture } = conflict!;
          dispatch({ type: 'conflictClosed' });
          void retry(gesture, new Map([[theirs.id, theirs.properties.version]]));
        }}
      />
    </>
  );
}
