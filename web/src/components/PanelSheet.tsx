import { useEffect, useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface PanelSheetProps {
  label: string;
  /** A value that, when it becomes non-null (a parcel tapped on the map), opens the sheet to show what it is about. */
  reveal: string | null;
  children: ReactNode;
}

/**
 * The site's panel: a side column on a wide screen; on a narrow one (styles.css) a bottom sheet under
 * the map, open or collapsed to its handle by one button, so that the map can take the whole height.
 */
export function PanelSheet({ label, reveal, children }: PanelSheetProps) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(true);
  const contentId = useId();
  useEffect(() => {
    if (reveal !== null) setOpen(true);
  }, [reveal]);
  return (
    <aside className="site__panel" aria-label={label} data-open={open}>
      <button type="button" className="site__sheet-toggle" aria-expanded={open} aria-controls={contentId} onClick={() => setOpen(!open)}>
        <span className="site__sheet-grip" aria-hidden="true" />
        {t(open ? 'site.hidePanel' : 'site.showPanel')}
      </button>
      <div id={contentId} className="site__panel-content">{children}</div>
    </aside>
  );
}
