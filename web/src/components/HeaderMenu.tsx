import { useEffect, useId, useRef, useState, type ReactNode } from 'react';

interface HeaderMenuProps {
  /** The button's content (visible text). */
  label: ReactNode;
  /** The button's accessible name when its content is not text enough (an icon). */
  accessibleName?: string;
  className?: string;
  /** The menu's items; `close` shuts the menu, e.g. once an item did its job. */
  children: (close: () => void) => ReactNode;
}

/**
 * A button of the header that opens a small panel under it (a disclosure, not an ARIA menu: its items
 * are ordinary buttons, reached with Tab). Escape, a tap elsewhere or the focus leaving closes it.
 */
export function HeaderMenu({ label, accessibleName, className, children }: HeaderMenuProps) {
  const [open, setOpen] = useState(false);
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const panelId = useId();
  const close = () => setOpen(false);

  useEffect(() => {
    if (!open) return;
    const onPointerDown = (event: PointerEvent) => {
      if (!rootRef.current?.contains(event.target as Node)) setOpen(false);
    };
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      setOpen(false);
      buttonRef.current?.focus();
    };
    document.addEventListener('pointerdown', onPointerDown);
    document.addEventListener('keydown', onKeyDown);
    return () => {
      document.removeEventListener('pointerdown', onPointerDown);
      document.removeEventListener('keydown', onKeyDown);
    };
  }, [open]);

  return (
    <div ref={rootRef} className={`header-menu${className ? ` ${className}` : ''}`} data-open={open}
      onBlur={(event) => {
        if (!rootRef.current?.contains(event.relatedTarget as Node | null) && event.relatedTarget) setOpen(false);
      }}>
      <button ref={buttonRef} type="button" className="button button--quiet header-menu__toggle" aria-expanded={open} aria-controls={panelId}
        aria-label={accessibleName} onClick={() => setOpen(!open)}>
        {label}
      </button>
      <div id={panelId} className="header-menu__panel">{children(close)}</div>
    </div>
  );
}
