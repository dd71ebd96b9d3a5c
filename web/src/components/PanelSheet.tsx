import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface PanelSheetProps {
  label: string;
  /**
   * A value that, when it becomes non-null (a parcel tapped on the map, a parcel just saved), opens the
   * sheet on what it is about, at the top of the panel, unless the user is working inside the panel (the
   * parcel list keeps its place).
   */
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
  const contentRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (reveal === null) return;
    setOpen(true);
    const content = contentRef.current;
    if (content && !content.contains(document.activeElement)) content.scrollTo?.({ top: 0 });
  }, [reveal]);
  return (
    <aside className="site__panel" aria-label={label} data-open={open}>
      <button type="button" className="site__sheet-toggle" aria-expanded={open} aria-controls={contentId} onClick={() => setOpen(!open)}>
        <span className="site__sheet-grip" aria-hidden="true" />
        {t(open ? 'site.hidePanel' : 'site.showPanel')}
      </button>
      <div ref={contentRef} id={contentId} className="site__panel-content">{children}</div>
    </aside>
  );
}
