import { Suspense, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { EditHistoryState } from '../editing/use-edit-history.js';
import { EditorConflictDialog } from './lazy-editor.js';

/** Whether a key press belongs to a text field (or an open dialog) rather than to the page's undo. */
function isTyping(target: EventTarget | null): boolean {
  const element = target as { tagName?: string; isContentEditable?: boolean } | null;
  if (element?.isContentEditable) return true;
  if (['INPUT', 'TEXTAREA', 'SELECT'].includes(element?.tagName ?? '')) return true;
  return document.querySelector('dialog[open]') !== null;
}

/**
 * "Défaire" / "Rétablir" the last saved gestures, also with Ctrl+Z / Ctrl+Shift+Z (Cmd on macOS).
 * In the page's bundle: undo needs no editor; the conflict dialog comes only with a conflict.
 */
export function EditHistoryControls({ history }: { history: EditHistoryState }) {
  const { t } = useTranslation();
  const canUndo = history.undoLabel !== undefined && !history.busy;
  const canRedo = history.redoLabel !== undefined && !history.busy;

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey || isTyping(event.target)) return;
      const key = event.key.toLowerCase();
      const redo = (key === 'z' && event.shiftKey) || (key === 'y' && !event.shiftKey);
      if (key !== 'z' && !redo) return;
      event.preventDefault();
      if (redo) history.redo();
      else history.undo();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [history]);

  return (
    <>
      <button type="button" className="button button--quiet" disabled={!canUndo} aria-label={t('history.undoLabel')}
        title={history.undoLabel ? t('history.undoTitle', { label: history.undoLabel }) : t('history.nothingToUndo')} onClick={history.undo}>
        {t('history.undo')}
      </button>
      <button type="button" className="button button--quiet" disabled={!canRedo} aria-label={t('history.redoLabel')}
        title={history.redoLabel ? t('history.redoTitle', { label: history.redoLabel }) : t('history.nothingToRedo')} onClick={history.redo}>
        {t('history.redo')}
      </button>
      {history.failure && <p className="field__error" role="alert">{t('history.failed', { detail: history.failure })}</p>}
      {history.conflict && (
        <Suspense fallback={null}><EditorConflictDialog
          conflict={{ updatedBy: history.conflict.updatedBy, version: history.conflict.current.properties.version, label: history.conflict.current.properties.label }}
          onKeepTheirs={history.keepTheirs}
          onKeepMine={history.keepMine}
        /></Suspense>
      )}
    </>
  );
}
