import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { geodesicArea, type Organisation, type Phase, type Service } from '../../../core/index.js';
import { formatArea } from '../domain/format-figures.js';
import { vertexCount } from '../editing/editor-geometry.js';
import { serviceLabels } from '../domain/service-label.js';
import { compareVersions, sameField, type ConflictField, type ParcelVersion } from '../editing/version-conflict.js';

/** The parcel the user was editing, in the three versions the dialog compares. */
export interface ConflictVersions {
  /** The version the user started from. */
  base: ParcelVersion;
  /** What the user was about to save. */
  mine: ParcelVersion;
  /** What the other person saved. */
  theirs: ParcelVersion;
}

export interface EditorConflict {
  /** Who saved the other version, its number and label. */
  updatedBy: string;
  version: number;
  label: string | null;
  /** Set when the conflict is on the parcel of a form: theirs is shown beside mine, field by field. */
  versions?: ConflictVersions | null;
}

interface EditorConflictDialogProps {
  /** null closes the dialog. */
  conflict: EditorConflict | null;
  /** To name the organisations, services and phases of the versions compared (with `versions`). */
  organisations?: readonly Organisation[];
  services?: readonly Service[];
  phases?: readonly Phase[];
  onKeepTheirs: () => void;
  onKeepMine: () => void;
  /** Back to the form with their version and my changes on top (with `versions`). */
  onEdit?: () => void;
}

/** The translation key of each compared field's name. */
export const CONFLICT_FIELD_LABELS: Record<ConflictField, string> = {
  organisationId: 'parcelForm.organisation',
  services: 'parcelForm.services',
  ownerId: 'parcelForm.owner',
  label: 'parcelForm.label',
  agreementRef: 'parcelForm.agreementRef',
  notes: 'parcelForm.notes',
  phases: 'editor.conflict.phases',
  geometry: 'editor.conflict.shape',
};

/**
 * Someone saved the parcel while it was being edited: their version beside mine, field by field,
 * each change marked with who made it; keep theirs, keep mine (saved over theirs) or edit mine on
 * top of theirs. Nothing is lost whichever the user picks: the parcel's history keeps every version.
 */
export function EditorConflictDialog({ conflict, organisations = [], services = [], phases = [], onKeepTheirs, onKeepMine, onEdit }: EditorConflictDialogProps) {
  const { t, i18n } = useTranslation();
  const dialogRef = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (conflict && !dialog.open) dialog.showModal();
    if (!conflict && dialog.open) dialog.close();
  }, [conflict]);

  const none = t('parcel.none');
  const organisationName = (id: string) => (id === '' ? none : organisations.find((organisation) => organisation.id === id)?.name ?? id);
  const phaseName = (ordinal: number | null) => (ordinal === null ? t('parcelForm.noEnd') : phases.find((phase) => phase.ordinal === ordinal)?.name ?? String(ordinal));
  const describe = (field: ConflictField, version: ParcelVersion): string => {
    const { values } = version;
    switch (field) {
      case 'organisationId':
      case 'ownerId':
        return organisationName(values[field]);
      case 'services':
        return serviceLabels(values.services, services, i18n.language).join(', ') || none;
      case 'phases':
        return `${phaseName(values.fromPhase)} → ${phaseName(values.toPhase)}`;
      case 'geometry': {
        return t('editor.conflict.shapeFigures', { area: formatArea(geodesicArea(version.geometry), i18n.language), count: vertexCount(version.geometry) });
      }
      default:
        return values[field].trim() || none;
    }
  };

  const versions = conflict?.versions;
  const rows = versions
    ? compareVersions(versions.base, versions.mine, versions.theirs).filter((change) => !sameField(change.field, versions.mine, versions.theirs))
    : [];
  const changedBy = (mine: boolean, theirs: boolean) =>
    [theirs && t('editor.conflict.changedByThem'), mine && t('editor.conflict.changedByMe')].filter(Boolean).join(', ');

  return (
    <dialog ref={dialogRef} className="about editor-conflict" aria-labelledby="editor-conflict-heading" onCancel={(event) => event.preventDefault()}>
      <h2 id="editor-conflict-heading">{t('editor.conflict.heading', { name: conflict?.updatedBy ?? '' })}</h2>
      {versions ? (
        rows.length > 0 ? (
          <table className="editor-conflict__table">
            <caption>{t('editor.conflict.caption', { version: conflict?.version ?? '' })}</caption>
            <thead>
              <tr>
                <td />
                <th scope="col">{t('editor.conflict.theirsColumn', { version: conflict?.version ?? '' })}</th>
                <th scope="col">{t('editor.conflict.mineColumn')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.field} data-field={row.field}>
                  <th scope="row">
                    {t(CONFLICT_FIELD_LABELS[row.field])}
                    <small className="editor-conflict__who">{changedBy(row.changedByMe, row.changedByThem)}</small>
                  </th>
                  <td className={row.changedByThem ? 'editor-conflict__changed' : undefined}>{describe(row.field, versions.theirs)}</td>
                  <td className={row.changedByMe ? 'editor-conflict__changed' : undefined}>{describe(row.field, versions.mine)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p>{t('editor.conflict.same', { version: conflict?.version ?? '' })}</p>
        )
      ) : (
        <p>{t('editor.conflict.theirs', { version: conflict?.version ?? '', label: conflict?.label ?? none })}</p>
      )}
      <p>{t(versions ? 'editor.conflict.explainEdit' : 'editor.conflict.explain')}</p>
      <div className="editor__actions">
        <button type="button" className="button button--quiet" onClick={onKeepTheirs}>{t('editor.conflict.keepTheirs')}</button>
        {versions && onEdit && <button type="button" className="button button--quiet" onClick={onEdit}>{t('editor.conflict.edit')}</button>}
        <button type="button" className="button" onClick={onKeepMine}>{t('editor.conflict.keepMine')}</button>
      </div>
    </dialog>
  );
}
