import { lazy } from 'react';
import { loadParcelDrawing } from '../map/map-controller.js';

// Only those who may edit render these: a viewer's page never fetches the editor, its dialogs or terra-draw.

/** The editor, with the map's drawing code, fetched the first time it is shown. */
export const Editor = lazy(async () => {
  const [module] = await Promise.all([import('./Editor.js'), loadParcelDrawing()]);
  return { default: module.Editor };
});

/** The undo and redo buttons the editor shows, with their conflict dialog. */
export const EditHistoryControls = lazy(async () => ({ default: (await import('./EditHistoryControls.js')).EditHistoryControls }));

/** The dialog that settles an overlap by trimming parcels. */
export const ResolveOverlapDialog = lazy(async () => ({ default: (await import('./ResolveOverlapDialog.js')).ResolveOverlapDialog }));
