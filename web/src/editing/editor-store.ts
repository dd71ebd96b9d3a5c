import { createContext, useContext, useSyncExternalStore } from 'react';
import type { Parcel } from '../domain/filter-parcels.js';
import { editorReducer, initialEditorState, takesParcelClicks, type EditorAction, type EditorState } from './editor-state.js';

/**
 * The one editing state of a site page, outside React: the page, the editor and the map's click
 * routing read it, and terra-draw's callbacks, which come long after a render, read its current
 * state with getState() instead of a ref mirroring React's. Components subscribe to the parts they
 * show (useEditorState), so a keystroke in the form does not render the whole page again.
 */
export class EditorStore {
  private state: EditorState = initialEditorState;
  private readonly listeners = new Set<() => void>();

  /** The current state. */
  readonly getState = (): EditorState => this.state;

  /** Registers a listener of changes; returns its removal (the shape useSyncExternalStore wants). */
  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Applies an action (see editorReducer) and tells the listeners when the state changed. */
  readonly dispatch = (action: EditorAction): void => {
    const next = editorReducer(this.state, action);
    if (next === this.state) return;
    this.state = next;
    for (const listener of this.listeners) listener();
  };

  /**
   * A parcel clicked on the map or in the list: true when the gesture in progress took it (picked
   * for the merge), false when the page should select it.
   */
  readonly clickParcel = (parcelId: string | null, parcels: readonly Parcel[]): boolean => {
    if (!takesParcelClicks(this.state.mode)) return false;
    const picked = parcelId === null ? undefined : parcels.find((parcel) => String(parcel.id) === parcelId);
    if (picked) this.dispatch({ type: 'parcelPicked', parcel: picked });
    return true;
  };
}

export const EditorStoreContext = createContext<EditorStore | null>(null);

/** The site page's editor store. */
export function useEditorStore(): EditorStore {
  const store = useContext(EditorStoreContext);
  if (!store) throw new Error('useEditorStore: no EditorStoreContext above this component');
  return store;
}

/** A part of the editor's state; the calling component renders again when that part changes (compared with ===). */
export function useEditorState<T>(select: (state: EditorState) => T): T {
  const store = useEditorStore();
  return useSyncExternalStore(store.subscribe, () => select(store.getState()));
}
