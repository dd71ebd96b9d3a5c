import { useEffect, useImperativeHandle, useState, type ReactNode, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import type { MultiPolygon, Organisation, ParcelFeature, Phase, Position, Service } from '../../../core/index.js';
import { api, ApiError } from '../api/client.js';
import type { DrawnPolygon } from '../draw/parcel-drawing.js';
import type { SnapGeometry } from '../draw/snap-index.js';
import type { Parcel } from '../domain/filter-parcels.js';
import { checkParcelForm, emptyParcelForm, fieldOfPath, gapFillForm, parcelFormOf, type ParcelFormErrors, type ParcelFormValues } from '../domain/parcel-form.js';
import type { EditStep, ParcelSnapshot } from '../editing/edit-history.js';
import type { MapController } from '../map/map-controller.js';
import { EditorConflictDialog } from './EditorConflictDialog.js';
import { ParcelForm } from './ParcelForm.js';

type EditorState =
  | { kind: 'idle' }
  | { kind: 'drawing' }
  // A gap filled from the analysis panel arrives as a MultiPolygon: it may have holes or parts.
  | { kind: 'form'; geometry: DrawnPolygon | MultiPolygon; parcel: Parcel | null };

/** What the page may ask of the editor. */
export interface EditorHandle {
  /** Opens the form of a new parcel with this gap's geometry, the shown service and its default organisation. */
  fillGap: (geometry: MultiPolygon) => void;
}

const asMultiPolygon = (polygon: DrawnPolygon): MultiPolygon => ({ type: 'MultiPolygon', coordinates: [polygon.coordinates as Position[][]] });

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
  /** Parcels, buildings and perimeter to snap to, without the parcel `exceptParcelId`. */
  snapTargets: (exceptParcelId: string | null) => SnapGeometry[];
  selectedParcel: Parcel | undefined;
  organisations: readonly Organisation[];
  services: readonly Service[];
  phases: readonly Phase[];
  /** Drawing or editing starts: the page clears what would hide the drawing (a highlighted finding). */
  onStart: () => void;
  /** A parcel was created, changed or deleted (its id, or null): reload the layers and the analysis. */
  onSaved: (parcelId: string | null) => void;
  /** A polygon was drawn or reshaped (not saved yet): the page checks it live. */
  onDrawn: (geometry: MultiPolygon, parcel: Parcel | null) => void;
  /** Drawing or editing ended without a save. */
  onStop: () => void;
  /** A gesture was saved: what it changed, as one undo step. */
  onRecord: (step: EditStep) => void;
  /** The undo/redo buttons, shown beside the tools while nothing is being drawn or edited. */
  historyControls?: ReactNode;
}

/** A parcel of the layers as the server returned it, for the history. */
const snapshotOf = (parcel: Parcel): ParcelSnapshot => ({ ...parcel, id: String(parcel.id) });

/** The editing tools of a site: draw a parcel, edit the selected one's vertices and attributes, delete it. */
export function Editor(props: EditorProps) {
  const { t } = useTranslation();
  const { controller, selectedParcel, canDraw } = props;
  const [state, setState] = useState<EditorState>({ kind: 'idle' });
  const [snapping, setSnapping] = useState(true);
  const [values, setValues] = useState<ParcelFormValues>(() => emptyParcelForm(props.phase, props.serviceCode));
  const [errors, setErrors] = useState<ParcelFormErrors>({});
  const [busy, setBusy] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [conflict, setConflict] = useState<{ current: ParcelFeature; updatedBy: string } | null>(null);

  useEffect(() => () => controller?.stopDrawing(), [controller]);

  const stop = () => {
    props.onStop();
    controller?.stopDrawing();
    setState({ kind: 'idle' });
    setErrors({});
    setConfirmDelete(false);
  };
  const toggleSnapping = () => {
    setSnapping(!snapping);
    controller?.setSnappingEnabled(!snapping);
  };

  const startDrawing = () => {
    if (!controller) return;
    setValues(emptyParcelForm(props.phase, props.serviceCode));
    setErrors({});
    setState({ kind: 'drawing' });
    props.onStart();
    controller.startDrawing({ targets: props.snapTargets(null), enabled: snapping }, (geometry) => {
      setState({ kind: 'form', geometry, parcel: null });
      props.onDrawn(asMultiPolygon(geometry), null);
    });
  };

  useImperativeHandle(props.ref, () => ({
    fillGap: (geometry) => {
      controller?.stopDrawing();
      setValues(gapFillForm(props.phase, props.serviceCode, props.organisations));
      setErrors({});
      setConfirmDelete(false);
      setState({ kind: 'form', geometry, parcel: null });
      props.onDrawn(geometry, null);
    },
  }));

  const singlePolygon = selectedParcel?.geometry.coordinates.length === 1 ? selectedParcel.geometry.coordinates[0]! : null;
  const startEditing = () => {
    if (!controller || !selectedParcel || !singlePolygon) return;
    const geometry: DrawnPolygon = { type: 'Polygon', coordinates: singlePolygon };
    setValues(parcelFormOf(selectedParcel.properties));
    setErrors({});
    const parcel = selectedParcel;
    const editable = controller.startEditing(geometry, { targets: props.snapTargets(String(parcel.id)), enabled: snapping }, (edited) => {
      setState({ kind: 'form', geometry: edited, parcel });
      props.onDrawn(asMultiPolygon(edited), parcel);
    });
    if (!editable) return;
    setState({ kind: 'form', geometry, parcel });
    props.onStart();
  };

  const showServerError = (error: unknown) => {
    if (error instanceof ApiError) {
      const field = (error.field && fieldOfPath(error.field)) || 'geometry';
      setErrors({ [field]: { code: error.code, detail: error.message } });
    } else setErrors({ geometry: { code: 'network', detail: String(error) } });
  };

  const parcelName = (parcel: ParcelSnapshot) =>
    parcel.properties.label ?? props.organisations.find((organisation) => organisation.id === parcel.properties.organisationId)?.shortName ?? t('parcel.none');

  /** Saves the form; `base` is the version saved over (someone else's, after a conflict). */
  const save = async (base?: ParcelFeature) => {
    if (state.kind !== 'form') return;
    const checked = checkParcelForm(values, state.geometry, { minArea: props.minArea });
    if (!checked.valid) return setErrors(checked.errors);
    setBusy(true);
    try {
      const saved = state.parcel
        ? await api.updateParcel(String(state.parcel.id), base?.properties.version ?? state.parcel.properties.version, { geometry: checked.geometry, properties: checked.properties })
        : await api.createParcel(props.siteId, { type: 'Feature', geometry: checked.geometry, properties: checked.properties });
      const before = state.parcel ? base ?? snapshotOf(state.parcel) : null;
      props.onRecord({
        label: t(before ? 'history.updated' : 'history.created', { name: parcelName(saved) }),
        changes: [{ parcelId: saved.id, before, after: saved }],
      });
      stop();
      props.onSaved(saved.id);
    } catch (error) {
      if (error instanceof ApiError && error.code === 'version_conflict' && state.parcel) {
        const current = error.body.current as ParcelFeature;
        const history = await api.getParcelHistory(current.id).catch(() => []);
        setConflict({ current, updatedBy: history.at(-1)?.changedByName ?? current.properties.updatedBy ?? '?' });
      } else showServerError(error);
    } finally {
      setBusy(false);
    }
  };

  const remove = async () => {
    if (state.kind !== 'form' || !state.parcel) return;
    setBusy(true);
    try {
      await api.deleteParcel(String(state.parcel.id), state.parcel.properties.version);
      const before = snapshotOf(state.parcel);
      props.onRecord({ label: t('history.deleted', { name: parcelName(before) }), changes: [{ parcelId: before.id, before, after: null }] });
      stop();
      props.onSaved(null);
    } catch (error) {
      showServerError(error);
    } finally {
      setBusy(false);
    }
  };

  const snappingToggle = (
    <button type="button" className="button button--quiet editor__toggle" aria-pressed={snapping} title={t('editor.snappingHint')} onClick={toggleSnapping}>
      {t('editor.snapping')}
    </button>
  );

  return (
    <section className="editor" aria-label={t('editor.label')}>
      {state.kind === 'idle' && (
        <div className="editor__actions">
          {canDraw && <button type="button" className="button" onClick={startDrawing}>{t('editor.draw')}</button>}
          {selectedParcel && canDraw && (
            <button type="button" className="button button--quiet" disabled={!singlePolygon} title={singlePolygon ? undefined : t('editor.multipart')} onClick={startEditing}>
              {t('editor.edit')}
            </button>
          )}
          {props.historyControls}
        </div>
      )}
      {state.kind === 'drawing' && (
        <>
          <p className="editor__hint" role="status">{t('editor.drawingHint')}</p>
          <div className="editor__actions">
            {snappingToggle}
            <button type="button" className="button button--quiet" onClick={stop}>{t('editor.cancel')}</button>
          </div>
        </>
      )}
      {state.kind === 'form' && (
        <form className="editor__form" aria-label={t(state.parcel ? 'editor.editHeading' : 'editor.newHeading')}
          onSubmit={(event) => { event.preventDefault(); void save(); }}>
          <h2 className="editor__heading">{t(state.parcel ? 'editor.editHeading' : 'editor.newHeading')}</h2>
          {state.parcel && <p className="editor__hint">{t('editor.editHint')}</p>}
          <ParcelForm values={values} errors={errors} organisations={props.organisations} services={props.services} phases={props.phases} onChange={setValues} />
          <div className="editor__actions">
            <button type="submit" className="button" disabled={busy}>{t('editor.save')}</button>
            <button type="button" className="button button--quiet" onClick={stop}>{t('editor.cancel')}</button>
            {state.parcel && snappingToggle}
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
        conflict={conflict && { updatedBy: conflict.updatedBy, version: conflict.current.properties.version, label: conflict.current.properties.label }}
        onKeepTheirs={() => {
          const id = conflict!.current.id;
          setConflict(null);
          stop();
          props.onSaved(id);
        }}
        onKeepMine={() => {
          const theirs = conflict!.current;
          setConflict(null);
          void save(theirs);
        }}
      />
    </section>
  );
}
