import { lazy } from 'react';
import { loadParcelDrawing } from '../map/map-controller.js';

// Rendered from the first gesture asked for on a page (a tool pressed, "Créer une parcelle ici",
// "Résoudre…"), or from the first conflict of an undo: a viewer's page, and an editor's until then,
// never fetches the editor, its dialogs or terra-draw.

/** The editor, with the map's drawing code. */
export const Editor = lazy(async () => {
  const [module] = await Promise.all([import('./Editor.js'), loadParcelDrawing()]);
  return { default: module.Editor };
});

/** The dialog that settles an overlap by trimming parcels. */
export const ResolveOverlapDialog = lazy(async () => ({ default: (await import('./ResolveOverlapDialog.js')).ResolveOverlapDialog }));

/** The dialog of an undo or redo stopped by someone else's version. */
export const EditorConflictDialog = lazy(async () => ({ default: (await import('./EditorConflictDialog.js')).EditorConflictDialog }));
