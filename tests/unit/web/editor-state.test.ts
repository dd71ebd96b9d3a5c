import { describe, expect, it, vi } from 'vitest';
import type { MultiPolygon } from '../../../core/index.js';
import type { Parcel } from '../../../web/src/domain/filter-parcels.js';
import { emptyParcelForm } from '../../../web/src/domain/parcel-form.js';
import {
  editorReducer, initialEditorState, mergePicks, outlinedParcelIds, type EditorAction, type EditorState, type FormState,
} from '../../../web/src/editing/editor-state.js';
import { EditorStore } from '../../../web/src/editing/editor-store.js';
import { deepFreeze } from '../../support/deep-freeze.js';

const CITY = '00000000-0000-4000-8000-000000000001';
const LANDLORD = '00000000-0000-4000-8000-000000000002';
const square = (x: number, size = 1): MultiPolygon => ({ type: 'MultiPolygon', coordinates: [[[[x, 0], [x + size, 0], [x + size, size], [x, size], [x, 0]]]] });

function parcel(id: string, x: number, organisationId = CITY): Parcel {
  return deepFreeze({
    type: 'Feature',
    id,
    geometry: square(x),
    properties: {
      organisationId, services: ['nettoiement'], ownerId: null, label: `P${id}`, agreementRef: null, notes: null,
      fromPhase: 0, toPhase: null, version: 1, updatedAt: '2026-01-01T00:00:00Z', updatedBy: 'someone',
    },
  });
}

const a = parcel('a', 0);
const b = parcel('b', 1);
const c = parcel('c', 2);
const theirs = parcel('d', 3, LANDLORD);

/** The state after each action in turn, every step deep-frozen: a transition that mutates its input throws. */
const after = (...actions: EditorAction[]): EditorState =>
  actions.reduce((state, action) => deepFreeze(editorReducer(state, deepFreeze(action))), deepFreeze(initialEditorState));

const form = (over: Partial<FormState> = {}): FormState => ({
  kind: 'form', geometry: a.geometry, parcel: a, neighbours: [], notice: null, clippedNeighbours: [],
  values: emptyParcelForm(0, 'nettoiement'), errors: {}, confirmDelete: false, ...over,
});

describe('the editor state: asking for a gesture', () => {
  it('keeps the request until the editor takes it, and remembers for the page that editing started', () => {
    const asked = after({ type: 'requested', request: { kind: 'draw' } });
    expect(asked.request).toEqual({ kind: 'draw' });
    expect(asked.editingStarted).toBe(true);
    expect(asked.mode).toEqual({ kind: 'idle' });
    const taken = editorReducer(asked, { type: 'requestTaken' });
    expect(taken.request).toBeNull();
    expect(taken.editingStarted).toBe(true);
    // Taking no request changes nothing: the same object, so nothing renders again.
    expect(editorReducer(taken, { type: 'requestTaken' })).toBe(taken);
  });

  it('lets go of the highlighted finding to draw or edit, but keeps it to fill its gap', () => {
    const finding = { id: 'gap-1', bbox: [0, 0, 1, 1] as [number, number, number, number] };
    const focused = after({ type: 'findingFocused', finding });
    expect(editorReducer(focused, { type: 'requested', request: { kind: 'edit', parcel: a } }).focusedFinding).toBeNull();
    expect(editorReducer(focused, { type: 'requested', request: { kind: 'fillGap', geometry: square(5) } }).focusedFinding).toBe(finding);
  });

  it('loads the editor from the first overlap to resolve, and keeps it loaded once the dialog closes', () => {
    const overlap = deepFreeze({ type: 'Feature', id: 'o', geometry: square(0), properties: {} }) as never;
    const resolving = after({ type: 'overlapResolving', overlap });
    expect(resolving).toMatchObject({ resolvingOverlap: overlap, editingStarted: true });
    expect(editorReducer(resolving, { type: 'overlapResolving', overlap: null })).toMatchObject({ resolvingOverlap: null, editingStarted: true });
  });
});

describe('the editor state: a form', () => {
  it('opens with the moving toggle let go, keeps the others, and stops back to idle without drafts', () => {
    const opened = after(
      { type: 'toggled', toggle: 'snapping' },
      { type: 'toggled', toggle: 'moving' },
      { type: 'formOpened', form: form() },
      { type: 'drawn', drafts: [{ parcel: a, geometry: square(0, 2) }, { parcel: b, geometry: square(1, 2) }] },
    );
    expect(opened.mode.kind).toBe('form');
    expect(opened.toggles).toEqual({ snapping: false, topological: true, avoidOverlaps: true, moving: false });
    // Only the neighbours are drafts: the edited parcel is terra-draw's to draw.
    expect([...opened.drafts]).toEqual([['b', square(1, 2)]]);
    const stopped = editorReducer(opened, { type: 'stopped' });
    expect(stopped.mode).toEqual({ kind: 'idle' });
    expect(stopped.drafts.size).toBe(0);
    expect(stopped.toggles.snapping).toBe(false);
  });

  it('keeps the drafts object when a drop reshaped the same neighbours the same way, so the parcels layer is left alone', () => {
    const reshaped = square(1, 2);
    const once = after({ type: 'formOpened', form: form() }, { type: 'drawn', drafts: [{ parcel: a, geometry: square(0) }, { parcel: b, geometry: reshaped }] });
    const again = editorReducer(once, { type: 'drawn', drafts: [{ parcel: a, geometry: square(0, 3) }, { parcel: b, geometry: reshaped }] });
    expect(again).toBe(once);
  });

  it('changes the fields, shows errors, asks to confirm a deletion, and keeps the form under a ring being drawn', () => {
    const values = { ...emptyParcelForm(0, 'nettoiement'), label: 'Square' };
    const state = after(
      { type: 'formOpened', form: form() },
      { type: 'valuesChanged', values },
      { type: 'errorsShown', errors: { label: { code: 'too_long', detail: '…' } } },
      { type: 'deleteAsked' },
    );
    expect(state.mode).toMatchObject({ kind: 'form', values, errors: { label: { code: 'too_long' } }, confirmDelete: true });
    const ring = editorReducer(state, { type: 'ringStarted', ring: 'hole' });
    expect(ring.mode).toEqual({ kind: 'ring', ring: 'hole', form: state.mode });
  });

  it('follows a dragged vertex in the form only, and ignores a shape outside a form', () => {
    const moved = after({ type: 'formOpened', form: form() }, { type: 'shapeMoved', geometry: square(0, 4) });
    expect(moved.mode).toMatchObject({ kind: 'form', geometry: square(0, 4) });
    const idle = deepFreeze(initialEditorState);
    expect(editorReducer(idle, { type: 'shapeMoved', geometry: square(0, 4) })).toBe(idle);
  });
});

describe('the editor state: split and merge', () => {
  it('shows the pieces of a drawn line, or why it cuts nothing; a refusal of the server keeps the pieces', () => {
    const pieces = [square(0, 0.5), square(0.5, 0.5)];
    const drawn = after({ type: 'splitStarted', parcel: a }, { type: 'splitDrawn', pieces, neighbours: [], error: null });
    expect(drawn.mode).toEqual({ kind: 'splitting', parcel: a, pieces, neighbours: [], error: null });
    const refused = editorReducer(drawn, { type: 'gestureRefused', error: { reason: 'invalid', message: 'refusé' } });
    expect(refused.mode).toMatchObject({ pieces, error: { message: 'refusé' } });
    const missed = editorReducer(drawn, { type: 'splitDrawn', pieces: null, neighbours: [], error: { reason: 'invalid', message: 'ne coupe pas' } });
    expect(missed.mode).toMatchObject({ pieces: null, error: { message: 'ne coupe pas' } });
  });

  it('picks parcels of the same manager, takes a picked one out again, refuses another manager’s and never drops the first', () => {
    const picked = after({ type: 'mergeStarted', parcel: a }, { type: 'parcelPicked', parcel: b }, { type: 'parcelPicked', parcel: c });
    expect(mergePicks(picked)).toEqual([a, b, c]);
    expect(outlinedParcelIds(mergePicks(picked), 'a')).toEqual(['a', 'b', 'c']);
    expect(mergePicks(editorReducer(picked, { type: 'parcelPicked', parcel: b }))).toEqual([a, c]);
    expect(mergePicks(editorReducer(picked, { type: 'parcelPicked', parcel: a }))).toEqual([a, b, c]);
    const refused = editorReducer(picked, { type: 'parcelPicked', parcel: theirs });
    expect(refused.mode).toEqual({ kind: 'merging', parcels: [a, b, c], error: { reason: 'otherOrganisation' } });
    // The next good pick clears the refusal.
    expect(editorReducer(refused, { type: 'parcelPicked', parcel: b }).mode).toEqual({ kind: 'merging', parcels: [a, c], error: null });
  });

  it('outlines the selected parcel when no merge is in progress, and nothing when none is selected', () => {
    expect(mergePicks(initialEditorState)).toBeNull();
    expect(outlinedParcelIds(null, 'a')).toEqual(['a']);
    expect(outlinedParcelIds(null, null)).toEqual([]);
  });
});

describe('EditorStore', () => {
  it('routes a parcel click: a merge in progress takes it (a click beside any parcel too), else the page selects', () => {
    const store = new EditorStore();
    const listener = vi.fn();
    store.subscribe(listener);
    expect(store.clickParcel('b', [a, b])).toBe(false);
    expect(listener).not.toHaveBeenCalled();
    store.dispatch({ type: 'mergeStarted', parcel: a });
    expect(store.clickParcel('b', [a, b])).toBe(true);
    expect(mergePicks(store.getState())).toEqual([a, b]);
    expect(store.clickParcel(null, [a, b])).toBe(true);
    expect(mergePicks(store.getState())).toEqual([a, b]);
    expect(listener).toHaveBeenCalledTimes(2);
  });

  it('tells its listeners only of actions that change the state, and stops telling one that unsubscribed', () => {
    const store = new EditorStore();
    const listener = vi.fn();
    const unsubscribe = store.subscribe(listener);
    store.dispatch({ type: 'requestTaken' });
    store.dispatch({ type: 'busy', busy: false });
    expect(listener).not.toHaveBeenCalled();
    store.dispatch({ type: 'busy', busy: true });
    expect(listener).toHaveBeenCalledTimes(1);
    unsubscribe();
    store.dispatch({ type: 'busy', busy: false });
    expect(listener).toHaveBeenCalledTimes(1);
    expect(store.getState().busy).toBe(false);
  });
});
