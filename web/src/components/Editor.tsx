import { useEffect, useImperativeHandle, useRef, useState, type ReactNode, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { geodesicArea, type MultiPolygon, type Organisation, type ParcelFeature, type Phase, type Service } from '../../../core/index.js';
import { ApiError } from '../api/client.js';
import type { DrawnPolygon, EditedGeometry, RingChange } from '../draw/parcel-drawing.js';
import type { SnapGeometry } from '../draw/snap-index.js';
import type { Parcel } from '../domain/filter-parcels.js';
import { checkParcelForm, emptyParcelForm, fieldOfPath, gapFillForm, parcelFormOf, type ParcelFormErrors, type ParcelFormValues } from '../domain/parcel-form.js';
import type { EditStep, ParcelSnapshot } from '../editing/edit-history.js';
import {
  addDrawnRing, avoidOverlap, mergeForEditor, moveSharedVertexOf, splitForEditor, vertexCount, withInsertedVertices, type Draft, type EditedParcel,
} from '../editing/editor-geometry.js';
import { planDelete, planMerge, planSave, planSplit, stepOfBatch, type NeighbourChange, type PlannedChange } from '../editing/parcel-gestures.js';
import { sendChanges, versionConflictOf } from '../editing/send-changes.js';
import { mergeVersions } from '../editing/version-conflict.js';
import type { MapController } from '../map/map-controller.js';
import { useSession } from '../session/use-session.js';
import { usePointerContext } from '../use-coarse-pointer.js';
import { CONFLICT_FIELD_LABELS, EditorConflictDialog, type ConflictVersions } from './EditorConflictDialog.js';
import { ParcelForm } from './ParcelForm.js';

/** A parcel being drawn or edited, with the neighbours its shared vertices moved. */
interface FormState {
  kind: 'form';
  geometry: MultiPolygon;
  parcel: Parcel | null;
  neighbours: readonly NeighbourChange[];
  /** What the editor did on its own at the last drop (clipped to avoid an overlap…), or null. */
  notice: string | null;
  /** The neighbours the last clip put vertices on: named, since they may be other managers'. */
  clippedNeighbours: readonly Parcel[];
}

type EditorState =
  | { kind: 'idle' }
  | { kind: 'drawing' }
  | FormState
  /** Drawing a hole in, or a new part of, the parcel of `form`. */
  | { kind: 'ring'; ring: 'hole' | 'part'; form: FormState }
  /** Splitting `parcel`: the pieces once the line is drawn, and the neighbours that get its crossings as vertices. */
  | { kind: 'splitting'; parcel: Parcel; pieces: readonly MultiPolygon[] | null; neighbours: readonly NeighbourChange[]; error: string | null }
  | { kind: 'merging'; parcels: readonly Parcel[]; error: string | null };

/** What the page may ask of the editor. */
export interface EditorHandle {
  /** Opens the form of a new parcel with this gap's geometry, the shown service and its default organisation. */
  fillGap: (geometry: MultiPolygon) => void;
  /** A parcel was clicked on the map: true when the editor took the click (picking parcels to merge). */
  parcelClicked: (parcelId: string | null) => boolean;
}

interface EditorProps {
  ref?: Ref<EditorHandle>;
  siteId: string;
  /** The site's tolerance (m²): smaller polygons are refused. */
  minArea: number;
  phase: number;
  serviceCode: string | null;
  /** The user may draw a parcel at this phase. */
  canDraw: boolean;
  controller: MapController | null;
  /** Every parcel alive at the phase, all services: the neighbours of shared vertices, overlaps and merges. */
  parcels: readonly Parcel[];
  /** Parcels, buildings and perimeter to snap to, without the parcel `exceptParcelId`. */
  snapTargets: (exceptParcelId: string | null) => SnapGeometry[];
  selectedParcel: Parcel | undefined;
  organisations: readonly Organisation[];
  services: readonly Service[];
  phases: readonly Phase[];
  /** Drawing or editing starts: the page clears what would hide the drawing (a highlighted finding). */
  onStart: () => void;
  /** Parcels were created, changed or deleted (the one to select, or null): reload the layers and the analysis. */
  onSaved: (parcelId: string | null) => void;
  /** Parcels were drawn or reshaped (not saved yet): the page shows them and checks them live. */
  onDrawn: (drafts: readonly Draft[]) => void;
  /** The parcels to outline (picked for a merge), or null for the page's own selection. */
  onHighlight: (parcelIds: readonly string[] | null) => void;
  /** Drawing or editing ended without a save. */
  onStop: () => void;
  /** A gesture was saved: what it changed, as one undo step. */
  onRecord: (step: EditStep) => void;
  /** The undo/redo buttons, shown beside the tools while nothing is being drawn or edited. */
  historyControls?: ReactNode;
}

const asMultiPolygon = (polygon: DrawnPolygon): MultiPolygon => ({ type: 'MultiPolygon', coordinates: [polygon.coordinates] as MultiPolygon['coordinates'] });
const asEdited = (geometry: MultiPolygon): EditedGeometry => geometry as EditedGeometry;

/** The neighbours of `after` that `before` did not have, or had with another shape. */
const reshapedNeighbours = (before: readonly NeighbourChange[], after: readonly NeighbourChange[]): Parcel[] =>
  after.filter((neighbour) => !before.some((old) => old.parcel.id === neighbour.parcel.id && old.geometry === neighbour.geometry)).map((neighbour) => neighbour.parcel);


/** Whether a key press belongs to a text field rather than to the map. */
function isTyping(target: EventTarget | null): boolean {
  const element = target as { tagName?: string; isContentEditable?: boolean } | null;
  return Boolean(element?.isContentEditable) || ['INPUT', 'TEXTAREA', 'SELECT'].includes(element?.tagName ?? '');
}

/**
 * The editing tools of a site: draw a parcel (holes, parts), reshape one (shared vertices follow,
 * overlaps avoided), move, split, merge and delete, each saved in one request and undone in one step.
 */
export function Editor(props: EditorProps) {
  const { t, i18n } = useTranslation();
  // Hints speak of taps on a touch screen, of clicks and keys with a mouse.
  const pointer = { context: usePointerContext() };
  const { controller, selectedParcel, canDraw } = props;
  const [state, setState] = useState<EditorState>({ kind: 'idle' });
  const [snapping, setSnapping] = useState(true);
  const [topological, setTopological] = useState(true);
  const [avoidOverlaps, setAvoidOverlaps] = useState(true);
  const [moving, setMoving] = useState(false);
  const [values, setValues] = useState<ParcelFormValues>(() => emptyParcelForm(props.phase, props.serviceCode));
  const [errors, setErrors] = useState<ParcelFormErrors>({});
  const [busy, setBusy] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState(false);
  /** Someone saved a parcel of the gesture meanwhile: theirs, and the gesture sent again over their version. */
  const [conflict, setConflict] = useState<{ current: ParcelFeature; updatedBy: string; retry: (overrides: ReadonlyMap<string, number>) => void; deleting: boolean } | null>(null);
  const myUserId = useSession()?.id ?? null;
  // terra-draw calls back long after a render: it reads the latest state and settings through refs.
  const latest = useRef({ state, values, topological, avoidOverlaps, props });
  latest.current = { state, values, topological, avoidOverlaps, props };

  useEffect(() => () => controller?.stopDrawing(), [controller]);

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
    props.onHighlight(null);
    controller?.stopDrawing();
    setState({ kind: 'idle' });
    setErrors({});
    setConfirmDelete(false);
    setMoving(false);
  };

  const snapOptions = (exceptParcelId: string | null) => ({ targets: props.snapTargets(exceptParcelId), enabled: snapping });

  const showDrafts = (form: FormState) =>
    props.onDrawn([{ parcel: form.parcel, geometry: form.geometry }, ...form.neighbours.map((neighbour) => ({ parcel: neighbour.parcel, geometry: neighbour.geometry }))]);

  /** The form once the user dropped a vertex (or a ring): shared vertices follow, overlaps are clipped off. */
  const settle = (form: FormState, geometry: MultiPolygon, change: RingChange | null): FormState => {
    const { topological: followShared, avoidOverlaps: avoid, values: current, props: now } = latest.current;
    let next: FormState = { ...form, geometry, notice: null, clippedNeighbours: [] };
    if (followShared && form.parcel && change) next = moveSharedVertexOf(next, change, now.parcels);
    if (avoid) {
      const clipped = avoidOverlap(next, current.services, now.parcels, now.minArea);
      if (clipped.kind === 'clipped') {
        const reshaped = withInsertedVertices({ ...next, geometry: clipped.geometry }, clipped.insertions, now.parcels);
        next = { ...reshaped, notice: t('editor.clipped'), clippedNeighbours: reshapedNeighbours(next.neighbours, reshaped.neighbours) };
      }
      if (clipped.kind === 'covered') next = { ...next, notice: t('editor.coveredByOthers') };
    }
    return next;
  };

  /** terra-draw reports a change of the edited rings: a move in progress, or a drop. */
  const onRingEdit = (geometry: EditedGeometry, change: RingChange) => {
    const form = latest.current.state;
    if (form.kind !== 'form') return;
    if (!change.dropped) return setState({ ...form, geometry: geometry as MultiPolygon });
    const next = settle(form, geometry as MultiPolygon, change);
    if (next.geometry !== geometry) controller?.replaceEditedGeometry(asEdited(next.geometry));
    setState(next);
    showDrafts(next);
  };

  /** Puts a form's geometry on the map with draggable vertices. */
  const editOnMap = (form: FormState): boolean =>
    controller?.startEditing(asEdited(form.geometry), snapOptions(form.parcel ? String(form.parcel.id) : null), onRingEdit) ?? false;

  const openForm = (form: FormState) => {
    setErrors({});
    setConfirmDelete(false);
    setMoving(false);
    if (!editOnMap(form)) controller?.stopDrawing();
    setState(form);
    showDrafts(form);
  };

  const startDrawing = () => {
    if (!controller) return;
    setValues(emptyParcelForm(props.phase, props.serviceCode));
    setErrors({});
    setState({ kind: 'drawing' });
    props.onStart();
    controller.startDrawing(snapOptions(null), (polygon) => {
      openForm(settle({ kind: 'form', geometry: asMultiPolygon(polygon), parcel: null, neighbours: [], notice: null, clippedNeighbours: [] }, asMultiPolygon(polygon), null));
    });
  };

  const startEditing = () => {
    if (!controller || !selectedParcel) return;
    setValues(parcelFormOf(selectedParcel.properties));
    props.onStart();
    openForm({ kind: 'form', geometry: selectedParcel.geometry, parcel: selectedParcel, neighbours: [], notice: null, clippedNeighbours: [] });
  };

  const startRing = (ring: 'hole' | 'part') => {
    if (state.kind !== 'form' || !controller) return;
    const form = state;
    setState({ kind: 'ring', ring, form });
    controller.startDrawingRing(snapOptions(form.parcel ? String(form.parcel.id) : null), (polygon) => {
      const added = addDrawnRing(form.geometry, ring, polygon.coordinates[0]!, props.minArea);
      if (added.kind === 'invalid') {
        setErrors({ geometry: { code: added.reason, detail: added.message } });
        return openForm(form);
      }
      setErrors({});
      openForm(ring === 'part' ? settle(form, added.geometry, null) : { ...form, geometry: added.geometry });
    });
  };

  const startSplit = () => {
    if (!controller || !selectedParcel) return;
    const parcel = selectedParcel;
    props.onStart();
    setErrors({});
    setState({ kind: 'splitting', parcel, pieces: null, neighbours: [], error: null });
    controller.startDrawingLine(snapOptions(null), (line) => {
      const split = splitForEditor(parcel.geometry, line, props.minArea);
      if (split.kind === 'invalid') return setState({ kind: 'splitting', parcel, pieces: null, neighbours: [], error: split.message });
      const { neighbours } = withInsertedVertices<EditedParcel>({ geometry: split.pieces[0]!, parcel, neighbours: [] }, split.insertions, props.parcels);
      setState({ kind: 'splitting', parcel, pieces: split.pieces, neighbours, error: null });
      props.onDrawn([
        ...split.pieces.map((geometry, index) => ({ parcel: index === 0 ? parcel : null, geometry })),
        ...neighbours.map((neighbour) => ({ parcel: neighbour.parcel, geometry: neighbour.geometry })),
      ]);
    });
  };

  const startMerge = () => {
    if (!selectedParcel) return;
    props.onStart();
    setState({ kind: 'merging', parcels: [selectedParcel], error: null });
    props.onHighlight([String(selectedParcel.id)]);
  };

  const pickForMerge = (parcelId: string | null) => {
    if (state.kind !== 'merging' || parcelId === null) return;
    const [first] = state.parcels;
    const picked = props.parcels.find((parcel) => String(parcel.id) === parcelId);
    if (!first || !picked || picked === first) return;
    if (picked.properties.organisationId !== first.properties.organisationId) {
      return setState({ ...state, error: t('editor.mergeOtherOrganisation') });
    }
    const included = state.parcels.some((parcel) => parcel.id === picked.id);
    const parcels = included ? state.parcels.filter((parcel) => parcel.id !== picked.id) : [...state.parcels, picked];
    setState({ kind: 'merging', parcels, error: null });
    props.onHighlight(parcels.map((parcel) => String(parcel.id)));
  };

  useImperativeHandle(props.ref, () => ({
    fillGap: (geometry) => {
      controller?.stopDrawing();
      setValues(gapFillForm(props.phase, props.serviceCode, props.organisations));
      openForm({ kind: 'form', geometry, parcel: null, neighbours: [], notice: null, clippedNeighbours: [] });
    },
    parcelClicked: (parcelId) => {
      if (latest.current.state.kind !== 'merging') return false;
      pickForMerge(parcelId);
      return true;
    },
  }));

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

  const showServerError = (error: unknown) => {
    if (error instanceof ApiError) {
      const field = (error.field && fieldOfPath(error.field)) || 'geometry';
      setErrors({ [field]: { code: error.code, detail: error.message } });
    } else setErrors({ geometry: { code: 'network', detail: String(error) } });
  };

  /** A neighbour as the status names it: its manager first, since it may be another one's. */
  const neighbourNames = (parcels: readonly Parcel[]) => parcels.map((parcel) => {
    const manager = props.organisations.find((organisation) => organisation.id === parcel.properties.organisationId)?.shortName ?? t('legend.unknown');
    return `${manager} — ${parcel.properties.label ?? t('parcel.none')}`;
  }).join(', ');

  const parcelName = (parcel: ParcelSnapshot | Parcel) =>
    parcel.properties.label ?? props.organisations.find((organisation) => organisation.id === parcel.properties.organisationId)?.shortName ?? t('parcel.none');

  /**
   * Sends a gesture's batch and records it as one undo step; `selected` picks the parcel to select
   * from the results. A version conflict opens the dialog; `retry` plans the gesture again over their version.
   */
  const send = async (
    planned: PlannedChange[], label: (results: ReadonlyArray<ParcelFeature | null>) => string,
    retry: (overrides: ReadonlyMap<string, number>) => void, selected = 0,
  ) => {
    setBusy(true);
    const requests = planned.map((change) => change.request);
    try {
      const { results } = await sendChanges(props.siteId, requests);
      props.onRecord(stepOfBatch(label(results), planned, results));
      stop();
      props.onSaved(results[selected]?.id ?? null);
    } catch (error) {
      const refused = await versionConflictOf(error, requests, myUserId);
      if (refused) setConflict({ current: refused.current, updatedBy: refused.updatedBy, retry, deleting: planned.every((change) => change.request.action === 'delete') });
      else showServerError(error);
    } finally {
      setBusy(false);
    }
  };

  /** Saves the form (and the neighbours it moved); `overrides` gives their version for parcels saved meanwhile. */
  const save = (overrides: ReadonlyMap<string, number> = new Map()) => {
    if (state.kind !== 'form') return;
    const checked = checkParcelForm(values, state.geometry, { minArea: props.minArea });
    if (!checked.valid) return setErrors(checked.errors);
    const planned = planSave(state.parcel, { geometry: checked.geometry as MultiPolygon, properties: checked.properties }, state.neighbours, overrides);
    return send(planned, (results) => {
      const name = results[0] ? parcelName(results[0]) : '';
      if (state.neighbours.length > 0) return t('history.sharedVertex', { name, count: state.neighbours.length });
      return t(state.parcel ? 'history.updated' : 'history.created', { name });
    }, (theirs) => void save(theirs));
  };

  const confirmSplit = (overrides: ReadonlyMap<string, number> = new Map()) => {
    if (state.kind !== 'splitting' || !state.pieces) return;
    const { parcel, pieces, neighbours } = state;
    return send(planSplit(parcel, pieces, neighbours, overrides), () => t('history.split', { name: parcelName(parcel), count: pieces.length }), (theirs) => void confirmSplit(theirs));
  };

  const confirmMerge = (overrides: ReadonlyMap<string, number> = new Map()) => {
    if (state.kind !== 'merging' || state.parcels.length < 2) return;
    const merged = mergeForEditor(state.parcels, props.minArea);
    if (merged.kind === 'invalid') return setState({ ...state, error: merged.message });
    const { parcels } = state;
    return send(planMerge(parcels, merged.geometry, merged.services, overrides), () => t('history.merged', { name: parcelName(parcels[0]!), count: parcels.length }), (theirs) => void confirmMerge(theirs));
  };

  /** The parcel of the form as I started from it, as I am saving it and as they saved it; null when the conflict is on another parcel. */
  const conflictVersions = (theirs: ParcelFeature): ConflictVersions | null => {
    if (state.kind !== 'form' || !state.parcel || String(state.parcel.id) !== theirs.id) return null;
    return {
      base: { values: parcelFormOf(state.parcel.properties), geometry: state.parcel.geometry },
      mine: { values, geometry: state.geometry },
      theirs: { values: parcelFormOf(theirs.properties), geometry: theirs.geometry },
    };
  };

  /** Back to the form on their version, with my changes on top (mine where we both changed a field). */
  const editOver = (theirs: ParcelFeature) => {
    const versions = conflictVersions(theirs);
    if (state.kind !== 'form' || !versions) return;
    const { merged, bothChanged } = mergeVersions(versions.base, versions.mine, versions.theirs);
    const version = theirs.properties.version;
    const notice = bothChanged.length > 0
      ? t('editor.conflict.mergedBoth', { version, fields: bothChanged.map((field) => t(CONFLICT_FIELD_LABELS[field])).join(', ') })
      : t('editor.conflict.merged', { version });
    setValues(merged.values);
    openForm({ ...state, parcel: theirs, geometry: merged.geometry, notice });
  };

  /** Deletes the parcel of the form, like any other gesture: one request, one undo step, the dialog if someone saved it meanwhile. */
  const remove = (overrides: ReadonlyMap<string, number> = new Map()) => {
    if (state.kind !== 'form' || !state.parcel) return;
    const parcel = state.parcel;
    return send(planDelete(parcel, overrides), () => t('history.deleted', { name: parcelName(parcel) }), (theirs) => void remove(theirs));
  };

  const toggle = (label: string, hint: string, pressed: boolean, onToggle: () => void) => (
    <button type="button" className="button button--quiet editor__toggle" aria-pressed={pressed} title={hint} onClick={onToggle}>{label}</button>
  );
  const snappingToggle = toggle(t('editor.snapping'), t('editor.snappingHint'), snapping, () => {
    setSnapping(!snapping);
    controller?.setSnappingEnabled(!snapping);
  });
  // The neighbours the shared vertices moved (those the clip reshaped are named on their own line).
  const movedNeighbours = state.kind === 'form'
    ? state.neighbours.map((neighbour) => neighbour.parcel).filter((parcel) => !state.clippedNeighbours.includes(parcel))
    : [];
  const cancel = <button type="button" className="button button--quiet" onClick={stop}>{t('editor.cancel')}</button>;

  return (
    <section className="editor" aria-label={t('editor.label')}>
      {state.kind === 'idle' && (
        <div className="editor__actions">
          {canDraw && <button type="button" className="button" onClick={startDrawing}>{t('editor.draw')}</button>}
          {selectedParcel && canDraw && (
            <>
              <button type="button" className="button button--quiet" onClick={startEditing}>{t('editor.edit')}</button>
              <button type="button" className="button button--quiet" onClick={startSplit}>{t('editor.split')}</button>
              <button type="button" className="button button--quiet" onClick={startMerge}>{t('editor.merge')}</button>
            </>
          )}
          {props.historyControls}
        </div>
      )}
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
          {state.error && <p className="field__error" role="alert">{state.error}</p>}
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
          {state.error && <p className="field__error" role="alert">{state.error}</p>}
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
            {state.parcel && toggle(t('editor.topological'), t('editor.topologicalHint'), topological, () => setTopological(!topological))}
            {toggle(t('editor.avoidOverlaps'), t('editor.avoidOverlapsHint'), avoidOverlaps, () => setAvoidOverlaps(!avoidOverlaps))}
            {toggle(t('editor.move'), t('editor.moveHint'), moving, () => {
              setMoving(!moving);
              controller?.setMovingParcel(!moving);
            })}
            <button type="button" className="button button--quiet" onClick={() => startRing('hole')}>{t('editor.addHole')}</button>
            <button type="button" className="button button--quiet" onClick={() => startRing('part')}>{t('editor.addPart')}</button>
          </div>
          <ParcelForm values={values} errors={errors} organisations={props.organisations} services={props.services} phases={props.phases} onChange={setValues} />
          <div className="editor__actions">
            <button type="submit" className="button" disabled={busy}>{t('editor.save')}</button>
            {cancel}
            {state.parcel && !confirmDelete && (
              <button type="button" className="button button--danger" onClick={() => setConfirmDelete(true)}>{t('editor.delete')}</button>
            )}
            {state.parcel && confirmDelete && (
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
          versions: conflict.deleting ? null : conflictVersions(conflict.current),
        }}
        organisations={props.organisations}
        services={props.services}
        phases={props.phases}
        onEdit={conflict?.deleting ? undefined : () => {
          const theirs = conflict!.current;
          setConflict(null);
          editOver(theirs);
        }}
        onKeepTheirs={() => {
          const id = conflict!.current.id;
          setConflict(null);
          stop();
          props.onSaved(id);
        }}
        onKeepMine={() => {
          const { current: theirs, retry } = conflict!;
          setConflict(null);
          retry(new Map([[theirs.id, theirs.properties.version]]));
        }}
      />
    </section>
  );
}
