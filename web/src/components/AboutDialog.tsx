import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

/** The "À propos" modal: what Tessera is, where the geography comes from, what is invented. */
export function AboutDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const dialogRef = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);

  return (
    <dialog ref={dialogRef} className="about" aria-labelledby="about-heading" onClose={onClose}>
      <h2 id="about-heading">{t('about.heading')}</h2>
      <p>{t('about.purpose')}</p>
      <p>{t('about.geography')}</p>
      <p>{t('about.scenario')}</p>
      <form method="dialog">
        <button type="submit" className="button">
          {t('about.close')}
        </button>
      </form>
    </dialog>
  );
}
