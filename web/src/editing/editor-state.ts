import type { MultiPolygon, OverlapFeature, ParcelFeature } from '../../../core/index.js';
import type { Parcel } from '../domain/filter-parcels.js';
import type { ParcelFormErrors, ParcelFormValues } from '../domain/parcel-form.js';
import type { Finding } from '../map/finding.js';
import type { Draft } from './editor-geometry.js';
import type { NeighbourChange } from './parcel-gestures.js';

// The state of a site page's editing, and its transitions as a pure reducer. Only types come from
// the editing modules: the page's bundle holds this file, the editor's chunk the geometry.

/** Why a split or a merge was refused: another manager's parcel picked, or the geometry's or the server's message. */
export type GestureError = { reason: 'otherOrganisation' } | { reason: 'invalid'; message: string };

/** A parcel being drawn or edited, with the neighbours its shared vertices moved and the form's fields. */
export interface FormState {
  kind: 'form';
  geometry: MultiPolygon;
  parcel: Parcel | null;
  neighbours: readonly NeighbourChange[];
  /** What the editor did on its own at the last drop (clipped to avoid an overlap…), or null. */
  notice: string | null;
  /** The neighbours the last clip put vertices on: named, since they may be other managers'. */
  clippedNeighbours: readonly Parcel[];
  values: ParcelFormValues;
  errors: ParcelFormErrors;
  /** "Supprimer" was pressed once: the button now asks for confirmation. */
  confirmDelete: boolean;
}

/** What the editor is doing. */
export type EditorMode =
  | { kind: 'idle' }
  /** Drawing a new parcel; its form opens with `values` once the polygon is closed. */
  | { kind: 'drawing'; values: ParcelFormValues }
  | FormState
  /** Drawing a hole in, or a new part of, the parcel of `form`. */
  | { kind: 'ring'; ring: 'hole' | 'part'; form: FormState }
  /** Splitting `parcel`: the pieces once the line is drawn, and the neighbours that get its crossings as vertices. */
  | { kind: 'splitting'; parcel: Parcel; pieces: readonly MultiPolygon[] | null; neighbours: readonly NeighbourChange[]; error: GestureError | null }
  | { kind: 'merging'; parcels: readonly Parcel[]; error: GestureError | null };

/** A gesture asked for from the page (the tools, the analysis panel); the editor's chunk starts it once loaded. */
export type EditorRequest =
  | { kind: 'draw' }
  | { kind: 'edit' | 'split' | 'merge'; parcel: Parcel }
  /** "Créer une parcelle ici": the form of a new parcel over a gap. */
  | { kind: 'fillGap'; geometry: MultiPolygon };

/** The gesture a conflict dialog's "keep mine" sends again, over their version. */
export type RetriedGesture = 'save' | 'split' | 'merge' | 'delete';

/** Someone saved a parcel of the gesture meanwhile: theirs, and the gesture to send again over it. */
export interface EditorConflict {
  current: ParcelFeature;
  updatedBy: string;
  retry: RetriedGesture;
}

export interface EditorToggles {
  snapping: boolean;
  /** Moving a vertex moves the neighbours' vertex at the same place. */
  topological: boolean;
  avoidOverlaps: boolean;
  /** Dragging moves the whole parcel rather than a vertex. */
  moving: boolean;
}

export interface EditorState {
  mode: EditorMode;
  toggles: EditorToggles;
  /** A gesture's request is on its way to the server. */
  busy: boolean;
  conflict: EditorConflict | null;
  /** The gesture asked for and not started yet (the editor's chunk is loading), or null. */
  request: EditorRequest | null;
  /** The user asked for a gesture once on this page: the editor's chunk and the live check stay loaded from then on. */
  editingStarted: boolean;
  /** The neighbours the gesture in progress reshaped, by id (null: merged away); the map draws them so. */
  drafts: ReadonlyMap<string, MultiPolygon | null>;
  /** The finding of the analysis the map is zoomed on and highlights. */
  focusedFinding: Finding | null;
  /** The overlap whose "Qui garde la zone ?" dialog is open. */
  resolvingOverlap: OverlapFeature | null;
}

export type EditorAction =
  | { type: 'requested'; request: EditorRequest }
  | { type: 'requestTaken' }
  | { type: 'drawingStarted'; values: ParcelFormValues }
  /** A form opens (after a drawing, a ring, a conflict…): the toggles of the last one are let go. */
  | { type: 'formOpened'; form: FormState }
  /** The form's parcel was reshaped on the map (a drop, settled): the toggles stay as they are. */
  | { type: 'formReshaped'; form: FormState }
  /** A vertex is being dragged: the shape only. */
  | { type: 'shapeMoved'; geometry: MultiPolygon }
  | { type: 'valuesChanged'; values: ParcelFormValues }
  | { type: 'errorsShown'; errors: ParcelFormErrors }
  | { type: 'ringStarted'; ring: 'hole' | 'part' }
  | { type: 'splitStarted'; parcel: Parcel }
  /** The cutting line was drawn: the pieces and the neighbours it crosses, or why it cuts nothing (pieces null). */
  | { type: 'splitDrawn'; pieces: readonly MultiPolygon[] | null; neighbours: readonly NeighbourChange[]; error: GestureError | null }
  | { type: 'mergeStarted'; parcel: Parcel }
  /** A parcel clicked on the map or in the list while merging: picked, or let go if it was. */
  | { type: 'parcelPicked'; parcel: Parcel }
  | { type: 'gestureRefused'; error: GestureError }
  | { type: 'toggled'; toggle: keyof EditorToggles }
  | { type: 'deleteAsked' }
  | { type: 'busy'; busy: boolean }
  | { type: 'conflictRaised'; conflict: EditorConflict }
  | { type: 'conflictClosed' }
  /** The gesture in progress reshaped these parcels (not saved yet); the first is the edited one. */
  | { type: 'drawn'; drafts: readonly Draft[] }
  /** The gesture ended, saved or cancelled. */
  | { type: 'stopped' }
  | { type: 'findingFocused'; finding: Finding | null }
  | { type: 'overlapResolving'; overlap: OverlapFeature | null };

const NO_DRAFTS: ReadonlyMap<string, MultiPolygon | null> = new Map();

export const initialEditorState: EditorState = {
  mode: { kind: 'idle' },
  toggles: { snapping: true, topological: true, avoidOverlaps: true, moving: false },
  busy: false,
  conflict: null,
  request: null,
  editingStarted: false,
  drafts: NO_DRAFTS,
  focusedFinding: null,
  resolvingOverlap: null,
};

/** The neighbours a gesture reshaped, by id; `previous` itself when they are the same, so that the parcels layer is left alone. */
export function draftGeometriesOf(drafts: readonly Draft[], previous: ReadonlyMap<string, MultiPolygon | null>): ReadonlyMap<string, MultiPolygon | null> {
  const next = new Map(drafts.flatMap((draft, index) => (draft.parcel && index > 0 ? [[String(draft.parcel.id), draft.geometry] as const] : [])));
  const same = next.size === previous.size && [...next].every(([id, geometry]) => previous.has(id) && previous.get(id) === geometry);
  return same ? previous : next;
}

/** The parcels picked for the merge in progress, or null when none is. */
export const mergePicks = (state: EditorState): readonly Parcel[] | null => (state.mode.kind === 'merging' ? state.mode.parcels : null);

/** The parcels the map outlines and the list marks: those picked for a merge, else the selected one. */
export function outlinedParcelIds(picks: readonly Parcel[] | null, selectedParcelId: string | null): readonly string[] {
  if (picks) return picks.map((parcel) => String(parcel.id));
  return selectedParcelId === null ? [] : [selectedParcelId];
}

/** Whether a click on a parcel goes to the gesture in progress (picking parcels to merge) rather than selecting it. */
export const takesParcelClicks = (mode: EditorMode): boolean => mode.kind === 'merging';

/** The merge's picks after a click on `picked`: added, or taken out if it was in; the first one stays. */
function pickForMerge(mode: Extract<EditorMode, { kind: 'merging' }>, picked: Parcel): EditorMode {
  const [first] = mode.parcels;
  if (!first || String(picked.id) === String(first.id)) return mode;
  if (picked.properties.organisationId !== first.properties.organisationId) return { ...mode, error: { reason: 'otherOrganisation' } };
  const included = mode.parcels.some((parcel) => String(parcel.id) === String(picked.id));
  const parcels = included ? mode.parcels.filter((parcel) => String(parcel.id) !== String(picked.id)) : [...mode.parcels, picked];
  return { kind: 'merging', parcels, error: null };
}

/** The mode with `form` changed, whether it is open or waiting under a ring being drawn. */
function withForm(mode: EditorMode, change: (form: FormState) => FormState): EditorMode {
  if (mode.kind === 'form') return change(mode);
  if (mode.kind === 'ring') return { ...mode, form: change(mode.form) };
  return mode;
}

function reduceMode(mode: EditorMode, action: EditorAction): EditorMode {
  switch (action.type) {
    case 'drawingStarted':
      return { kind: 'drawing', values: action.values };
    case 'formOpened':
      return action.form;
    case 'formReshaped':
      return mode.kind === 'form' ? action.form : mode;
    case 'shapeMoved':
      return mode.kind === 'form' ? { ...mode, geometry: action.geometry } : mode;
    case 'valuesChanged':
      return withForm(mode, (form) => ({ ...form, values: action.values }));
    case 'errorsShown':
      return withForm(mode, (form) => ({ ...form, errors: action.errors }));
    case 'deleteAsked':
      return mode.kind === 'form' ? { ...mode, confirmDelete: true } : mode;
    case 'ringStarted':
      return mode.kind === 'form' ? { kind: 'ring', ring: action.ring, form: mode } : mode;
    case 'splitStarted':
      return { kind: 'splitting', parcel: action.parcel, pieces: null, neighbours: [], error: null };
    case 'splitDrawn':
      return mode.kind === 'splitting' ? { ...mode, pieces: action.pieces, neighbours: action.neighbours, error: action.error } : mode;
    case 'mergeStarted':
      return { kind: 'merging', parcels: [action.parcel], error: null };
    case 'parcelPicked':
      return mode.kind === 'merging' ? pickForMerge(mode, action.parcel) : mode;
    case 'gestureRefused':
      // A form's refusals go to its fields (errorsShown).
      return mode.kind === 'splitting' || mode.kind === 'merging' ? { ...mode, error: action.error } : mode;
    default:
      return mode;
  }
}

/** The page's editing state after `action`; the same object when nothing changed. */
export function editorReducer(state: EditorState, action: EditorAction): EditorState {
  switch (action.type) {
    case 'requested':
      // Drawing or editing clears what would hide the drawing (a highlighted finding); filling a gap zooms on it.
      return {
        ...state, request: action.request, editingStarted: true,
        focusedFinding: action.request.kind === 'fillGap' ? state.focusedFinding : null,
      };
    case 'requestTaken':
      return state.request === null ? state : { ...state, request: null };
    case 'formOpened':
      return { ...state, mode: action.form, toggles: { ...state.toggles, moving: false } };
    case 'toggled':
      return { ...state, toggles: { ...state.toggles, [action.toggle]: !state.toggles[action.toggle] } };
    case 'busy':
      return state.busy === action.busy ? state : { ...state, busy: action.busy };
    case 'conflictRaised':
      return { ...state, conflict: action.conflict };
    case 'conflictClosed':
      return state.conflict === null ? state : { ...state, conflict: null };
    case 'drawn': {
      const drafts = draftGeometriesOf(action.drafts, state.drafts);
      return drafts === state.drafts ? state : { ...state, drafts };
    }
    case 'stopped':
      return { ...state, mode: { kind: 'idle' }, drafts: NO_DRAFTS, toggles: { ...state.toggles, moving: false } };
    case 'findingFocused':
      return state.focusedFinding === action.finding ? state : { ...state, focusedFinding: action.finding };
    case 'overlapResolving':
      return {
        ...state, resolvingOverlap: action.overlap,
        // The dialog's code comes with the editor's: from the first "Résoudre…" on.
        editingStarted: state.editingStarted || action.overlap !== null,
      };
    default: {
      const mode = reduceMode(state.mode, action);
      return mode === state.mode ? state : { ...state, mode };
    }
  }
}
