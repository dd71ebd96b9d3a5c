import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { geodesicArea, type Organisation, type OverlapFeature, type ParcelFeature, type Service } from '../../../core/index.js';
import type { Parcel } from '../domain/filter-parcels.js';
import { formatArea } from '../domain/format-figures.js';
import { writesOf, type ParcelWrite } from '../domain/parcel-writes.js';
import { planOverlapTrim, type OverlapTrim } from '../domain/plan-overlap-trim.js';
import type { EditStep } from '../editing/edit-history.js';
import { planTrim, stepOfBatch } from '../editing/parcel-gestures.js';
import { sendChanges, versionConflictOf } from '../editing/send-changes.js';
import { useSession } from '../session/use-session.js';
import { serviceLabels } from '../domain/service-label.js';
import { EditorConflictDialog } from './EditorConflictDialog.js';

interface ResolveOverlapDialogProps {
  siteId: string;
  /** The overlap to resolve; null closes the dialog. */
  overlap: OverlapFeature | null;
  parcels: readonly Parcel[];
  organisations: readonly Organisation[];
  services: readonly Service[];
  /** The service shown: the trim also removes the area from the loser's other services, which is said. */
  serviceCode: string;
  /** The site's tolerance (m²). */
  minArea: number;
  onClose: () => void;
  /** The other parcel was trimmed or deleted, or someone else's version was kept: the parcel as the server holds it now. */
  onResolved: (writes: readonly ParcelWrite[]) => void;
  /** The trim was saved: what it changed, as one undo step. */
  onRecord: (step: EditStep) => void;
}

/** "Qui garde la zone ?": the chosen parcel keeps the overlap, the other one is trimmed (or deleted if nothing is left). */
export function ResolveOverlapDialog({ siteId, overlap, parcels, organisations, services, serviceCode, minArea, onClose, onResolved, onRecord }: ResolveOverlapDialogProps) {
  const { t, i18n } = useTranslation();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [conflict, setConflict] = useState<{ current: ParcelFeature; updatedBy: string } | null>(null);
  const myUserId = useSession()?.id ?? null;
  const open = overlap !== null && conflict === null;

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  useEffect(() => setError(null), [overlap]);

  const pair = useMemo(() => {
    if (!overlap) return null;
    const found = overlap.properties.parcelIds.map((id) => parcels.find((parcel) => String(parcel.id) === id));
    if (!found[0] || !found[1]) return null;
    // Each choice keeps one parcel and plans the trim of the other one.
    return [[found[0], found[1]], [found[1], found[0]]].map(([keeper, loser]) => ({
      keeper: keeper!,
      loser: loser!,
      trim: planOverlapTrim(loser!.geometry, overlap.geometry, minArea),
    }));
  }, [overlap, parcels, minArea]);

  const organisationName = (id: string) => organisations.find((organisation) => organisation.id === id)?.shortName ?? t('legend.unknown');
  const parcelName = (parcel: Parcel) => `${organisationName(parcel.properties.organisationId)} — ${parcel.properties.label ?? t('parcel.none')}`;
  const consequence = (loser: Parcel, trim: OverlapTrim) => {
    const name = parcelName(loser);
    const sentence = trim.kind === 'delete'
      ? t('resolveOverlap.deleted', { name })
      : trim.kind === 'invalid'
        ? t('resolveOverlap.invalid', { name, detail: trim.message })
        : t('resolveOverlap.trimmed', { name, area: formatArea(geodesicArea(trim.geometry), i18n.language) })
          + (trim.droppedSlivers > 0 ? ` ${t('resolveOverlap.slivers', { count: trim.droppedSlivers })}` : '');
    const others = serviceLabels(loser.properties.services.filter((code) => code !== serviceCode), services, i18n.language);
    return others.length > 0 && trim.kind !== 'invalid' ? `${sentence} ${t('resolveOverlap.otherServices', { services: others.join(', ') })}` : sentence;
  };

  /** Trims (or deletes) the parcel that gives the area up, at the version it is read at, in one request of the editor's. */
  const apply = async (loser: Parcel) => {
    if (!overlap) return;
    const trim = planOverlapTrim(loser.geometry, overlap.geometry, minArea);
    if (trim.kind === 'invalid') return setError(trim.message);
    setBusy(true);
    setError(null);
    const planned = planTrim(loser, trim.kind === 'delete' ? null : trim.geometry);
    const requests = planned.map((change) => change.request);
    try {
      const { results } = await sendChanges(siteId, requests);
      onRecord(stepOfBatch(t('history.trimmed', { name: parcelName(loser) }), planned, results));
      onResolved(writesOf(requests, results));
    } catch (caught) {
      const refused = await versionConflictOf(caught, requests, myUserId);
      if (refused) setConflict(refused);
      else setError(caught instanceof Error ? caught.message : String(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <dialog ref={dialogRef} className="about resolve-overlap" aria-labelledby="resolve-overlap-heading" onCancel={onClose}>
        <h2 id="resolve-overlap-heading">{t('resolveOverlap.heading')}</h2>
        {overlap && <p>{t('resolveOverlap.explain', { area: formatArea(overlap.properties.area, i18n.language) })}</p>}
        {overlap && !pair && <p role="alert">{t('resolveOverlap.unsaved')}</p>}
        <div className="resolve-overlap__choices">
          {pair?.map(({ keeper, loser, trim }) => (
            <button key={String(keeper.id)} type="button" className="button button--quiet resolve-overlap__choice" disabled={busy || trim.kind === 'invalid'}
              onClick={() => void apply(loser)}>
              <strong>{parcelName(keeper)}</strong>
              <span className="resolve-overlap__consequence">{consequence(loser, trim)}</span>
            </button>
          ))}
        </div>
        {error && <p className="field__error" role="alert">{error}</p>}
        <div className="editor__actions">
          <button type="button" className="button button--quiet" onClick={onClose}>{t('editor.cancel')}</button>
        </div>
      </dialog>
      <EditorConflictDialog
        conflict={conflict && { updatedBy: conflict.updatedBy, version: conflict.current.properties.version, label: conflict.current.properties.label }}
        onKeepTheirs={() => {
          const theirs = conflict!.current;
          setConflict(null);
          onResolved([{ id: theirs.id, feature: theirs }]);
        }}
        onKeepMine={() => {
          // Their version loses the overlap all the same: trim it at its new version.
          const { current } = conflict!;
          setConflict(null);
          void apply(current);
        }}
      />
    </>
  );
}
