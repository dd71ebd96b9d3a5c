import { useTranslation } from 'react-i18next';
import type { MultiPolygon, Organisation, ParcelFeature } from '../../../core/index.js';
import { ApiError } from '../api/client.js';
import type { Parcel } from '../domain/filter-parcels.js';
import { checkParcelForm, fieldOfPath } from '../domain/parcel-form.js';
import { writesOf, type ParcelWrite } from '../domain/parcel-writes.js';
import { useSession } from '../session/use-session.js';
import type { EditStep, ParcelSnapshot } from './edit-history.js';
import { mergeForEditor } from './editor-geometry.js';
import type { RetriedGesture } from './editor-state.js';
import { useEditorStore } from './editor-store.js';
import { planDelete, planMerge, planSave, planSplit, stepOfBatch, type PlannedChange } from './parcel-gestures.js';
import { sendChanges, versionConflictOf } from './send-changes.js';

interface GestureSavingOptions {
  siteId: string;
  /** The site's tolerance (m²). */
  minArea: number;
  organisations: readonly Organisation[];
  /** A gesture was saved: what it changed, as one undo step. */
  onRecord: (step: EditStep) => void;
  /** Parcels as the server left them, and the one to select. */
  onSaved: (writes: readonly ParcelWrite[], parcelId: string | null) => void;
  /** Ends the gesture on the map and in the store. */
  stop: () => void;
}

/**
 * The editor's writes: the gesture in progress in the store (a form, a split, a merge, a deletion)
 * sent as one request and recorded as one undo step. A refusal is shown in the store (next to its
 * field, or under the gesture); a version conflict is put there with the gesture to send again.
 */
export function useGestureSaving(options: GestureSavingOptions) {
  const { t } = useTranslation();
  const { dispatch, getState } = useEditorStore();
  const myUserId = useSession()?.id ?? null;

  /** A refusal of the server, next to its field in a form, under the gesture's status otherwise. */
  const showServerError = (error: unknown) => {
    const detail = error instanceof Error ? error.message : String(error);
    if (getState().mode.kind !== 'form') return dispatch({ type: 'gestureRefused', error: { reason: 'invalid', message: detail } });
    if (!(error instanceof ApiError)) return dispatch({ type: 'errorsShown', errors: { geometry: { code: 'network', detail } } });
    const field = (error.field && fieldOfPath(error.field)) || 'geometry';
    dispatch({ type: 'errorsShown', errors: { [field]: { code: error.code, detail } } });
  };

  const parcelName = (parcel: ParcelSnapshot | Parcel) =>
    parcel.properties.label ?? options.organisations.find((organisation) => organisation.id === parcel.properties.organisationId)?.shortName ?? t('parcel.none');

  /**
   * Sends a gesture's batch and records it as one undo step; `selected` picks the parcel to select
   * from the results. A version conflict opens the dialog; `retry` names the gesture to plan again over their version.
   */
  const send = async (planned: PlannedChange[], label: (results: ReadonlyArray<ParcelFeature | null>) => string, retry: RetriedGesture, selected = 0) => {
    dispatch({ type: 'busy', busy: true });
    const requests = planned.map((change) => change.request);
    try {
      const { results } = await sendChanges(options.siteId, requests);
      options.onRecord(stepOfBatch(label(results), planned, results));
      options.stop();
      options.onSaved(writesOf(requests, results), results[selected]?.id ?? null);
    } catch (error) {
      const refused = await versionConflictOf(error, requests, myUserId);
      if (refused) dispatch({ type: 'conflictRaised', conflict: { current: refused.current, updatedBy: refused.updatedBy, retry } });
      else showServerError(error);
    } finally {
      dispatch({ type: 'busy', busy: false });
    }
  };

  /** Saves the form (and the neighbours it moved); `overrides` gives their version for parcels saved meanwhile. */
  const save = (overrides: ReadonlyMap<string, number> = new Map()) => {
    const form = getState().mode;
    if (form.kind !== 'form') return;
    const checked = checkParcelForm(form.values, form.geometry, { minArea: options.minArea });
    if (!checked.valid) return dispatch({ type: 'errorsShown', errors: checked.errors });
    const planned = planSave(form.parcel, { geometry: checked.geometry as MultiPolygon, properties: checked.properties }, form.neighbours, overrides);
    return send(planned, (results) => {
      const name = results[0] ? parcelName(results[0]) : '';
      if (form.neighbours.length > 0) return t('history.sharedVertex', { name, count: form.neighbours.length });
      return t(form.parcel ? 'history.updated' : 'history.created', { name });
    }, 'save');
  };

  const confirmSplit = (overrides: ReadonlyMap<string, number> = new Map()) => {
    const mode = getState().mode;
    if (mode.kind !== 'splitting' || !mode.pieces) return;
    const { parcel, pieces, neighbours } = mode;
    return send(planSplit(parcel, pieces, neighbours, overrides), () => t('history.split', { name: parcelName(parcel), count: pieces.length }), 'split');
  };

  const confirmMerge = (overrides: ReadonlyMap<string, number> = new Map()) => {
    const mode = getState().mode;
    if (mode.kind !== 'merging' || mode.parcels.length < 2) return;
    const merged = mergeForEditor(mode.parcels, options.minArea);
    if (merged.kind === 'invalid') return dispatch({ type: 'gestureRefused', error: { reason: 'invalid', message: merged.message } });
    const { parcels } = mode;
    return send(planMerge(parcels, merged.geometry, merged.services, overrides), () => t('history.merged', { name: parcelName(parcels[0]!), count: parcels.length }), 'merge');
  };

  /** Deletes the parcel of the form, like any other gesture: one request, one undo step, the dialog if someone saved it meanwhile. */
  const remove = (overrides: ReadonlyMap<string, number> = new Map()) => {
    const form = getState().mode;
    if (form.kind !== 'form' || !form.parcel) return;
    const parcel = form.parcel;
    return send(planDelete(parcel, overrides), () => t('history.deleted', { name: parcelName(parcel) }), 'delete');
  };

  const retries: Record<RetriedGesture, (overrides: ReadonlyMap<string, number>) => unknown> = { save, split: confirmSplit, merge: confirmMerge, delete: remove };
  return { save, confirmSplit, confirmMerge, remove, retry: (gesture: RetriedGesture, overrides: ReadonlyMap<string, number>) => retries[gesture](overrides) };
}
