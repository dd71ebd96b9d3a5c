import { Suspense, useEffect, type ComponentProps } from 'react';
import { useTranslation } from 'react-i18next';
import type { Parcel } from '../domain/filter-parcels.js';
import type { EditorRequest } from '../editing/editor-state.js';
import { useEditorState, useEditorStore } from '../editing/editor-store.js';
import type { EditHistoryState } from '../editing/use-edit-history.js';
import { EditHistoryControls } from './EditHistoryControls.js';
import { Editor } from './lazy-editor.js';

interface EditorToolsProps {
  selectedParcel: Parcel | undefined;
  history: EditHistoryState;
  /** What the editor works with, once loaded. */
  editor: ComponentProps<typeof Editor>;
}

/**
 * The editing tools of a site for those who may edit: "Dessiner une parcelle", and for the selected
 * parcel "Modifier", "Découper", "Fusionner", beside undo and redo. They are in the page's bundle;
 * the first one pressed (or "Créer une parcelle ici", "Résoudre…") fetches the editor's chunk, which
 * then starts the gesture asked for and shows every step of it.
 */
export function EditorTools({ selectedParcel, history, editor }: EditorToolsProps) {
  const { t } = useTranslation();
  const store = useEditorStore();
  const idle = useEditorState((state) => state.mode.kind === 'idle');
  const waiting = useEditorState((state) => state.request !== null);
  const editingStarted = useEditorState((state) => state.editingStarted);
  const { controller } = editor;

  // The tools go (signed out, a phase the user may not edit): so does the gesture in progress.
  useEffect(() => () => {
    controller?.stopDrawing();
    store.dispatch({ type: 'stopped' });
  }, [controller, store]);

  const ask = (request: EditorRequest) => store.dispatch({ type: 'requested', request });
  const tool = (label: string, request: EditorRequest, quiet = true) => (
    <button type="button" className={quiet ? 'button button--quiet' : 'button'} disabled={waiting} onClick={() => ask(request)}>{label}</button>
  );

  return (
    <section className="editor" aria-label={t('editor.label')} aria-busy={waiting}>
      {idle && (
        <div className="editor__actions">
          {tool(t('editor.draw'), { kind: 'draw' }, false)}
          {selectedParcel && (
            <>
              {tool(t('editor.edit'), { kind: 'edit', parcel: selectedParcel })}
              {tool(t('editor.split'), { kind: 'split', parcel: selectedParcel })}
              {tool(t('editor.merge'), { kind: 'merge', parcel: selectedParcel })}
            </>
          )}
          <EditHistoryControls history={history} />
        </div>
      )}
      {editingStarted && <Suspense fallback={null}><Editor {...editor} /></Suspense>}
    </section>
  );
}
