import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

interface EditorConflictDialogProps {
  /** Who saved the other version, its number and label; null closes the dialog. */
  conflict: { updatedBy: string; version: number; label: string | null } | null;
  onKeepTheirs: () => void;
  onKeepMine: () => void;
}

/** Someone saved the parcel while it was being edited: keep their version or save mine over it. */
export function EditorConflictDialog({ conflict, onKeepTheirs, onKeepMine }: EditorConflictDialogProps) {
  const { t } = useTranslation();
  const dialogRef = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (conflict && !dialog.open) dialog.showModal();
    if (!conflict && dialog.open) dialog.close();
  }, [conflict]);

  return (
    <dialog ref={dialogRef} className="about editor-conflict" aria-labelledby="editor-conflict-heading" onCancel={(event) => event.preventDefault()}>
      <h2 id="editor-conflict-heading">{t('editor.conflict.heading', { name: conflict?.updatedBy ?? '' })}</h2>
      <p>{t('editor.conflict.theirs', { version: conflict?.version ?? '', label: conflict?.label ?? t('parcel.none') })}</p>
      <p>{t('editor.conflict.explain')}</p>
      <div className="editor__actions">
        <button type="button" className="button button--quiet" onClick={onKeepTheirs}>{t('editor.conflict.keepTheirs')}</button>
        <button type="button" className="button" onClick={onKeepMine}>{t('editor.conflict.keepMine')}</button>
      </div>
    </dialog>
  );
}
