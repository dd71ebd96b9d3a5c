import { useTranslation } from 'react-i18next';
import type { SiteChangeNotice } from '../session/use-site-changes.js';

/** "Marie (Coordination) a modifié 1 parcelle — à l'instant": someone else's save, fading out. */
export function ChangeNotice({ notice }: { notice: SiteChangeNotice | null }) {
  const { t } = useTranslation();
  return (
    <div className="change-notice" role="status" aria-live="polite" data-testid="change-notice">
      {notice && (
        <p key={notice.key} className="change-notice__text">
          {t(`changes.${notice.change}`, {
            name: notice.updatedByName ?? t('changes.someone'),
            what: t(`changes.${notice.layer}`, { count: notice.count }),
          })}
        </p>
      )}
    </div>
  );
}
