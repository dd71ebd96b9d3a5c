import {
  boundsMeet, geometryBounds,
  addHole, addPart, clipToAvoidOverlap, findMovedVertex, insertSharedVertices, isAliveAt, mergeParcels, moveSharedVertex, overlapping, roundInsertions,
  roundToDrawingPrecision, splitParcel,
  validateAreaGeometry, type EditableParcel, type MultiPolygon, type Position, type VertexInsertion,
} from '../../../core/index.js';
import type { RingChange } from '../draw/parcel-drawing.js';
import type { Parcel } from '../domain/filter-parcels.js';
import type { NeighbourChange } from './parcel-gestures.js';

/** A parcel shown as drawn but not saved: a new one (parcel null), a reshaped one, or a deleted one (geometry null). */
export interface Draft {
  parcel: Parcel | null;
  geometry: MultiPolygon | null;
}

/** The parcel being edited and the neighbours its shared vertices moved. */
export interface EditedParcel {
  geometry: MultiPolygon;
  parcel: Parcel | null;
  neighbours: readonly NeighbourChange[];
}

/** A gesture the editor refuses, with the reason (a GEOMETRY_FAULTS code or the gesture's own). */
export interface Refusal {
  kind: 'invalid';
  reason: string;
  message: string;
}

type Box = ReturnType<typeof geometryBounds>;

/** Each geometry's box, computed once: geometries are replaced, never changed in place. */
const boxes = new WeakMap<MultiPolygon, Box>();
function boxOf(geometry: MultiPolygon): Box {
  let box = boxes.get(geometry);
  if (!box) boxes.set(geometry, (box = geometryBounds(geometry.coordinates)));
  return box;
}

/** The box of some positions. */
const boxAround = (positions: readonly Position[]): Box => geometryBounds([[positions as Position[]]]);

/**
 * Each neighbour whose box meets `box`, with its geometry as the edit now has it (moved by the edit,
 * or as stored). A drop looks at the few parcels around it, not at the thousands of a large site.
 */
function currentGeometries(edited: EditedParcel, parcels: readonly Parcel[], box: Box): Array<{ id: string; geometry: MultiPolygon; parcel: Parcel }> {
  const moved = new Map(edited.neighbours.map((neighbour) => [String(neighbour.parcel.id), neighbour.geometry]));
  const ownId = edited.parcel ? String(edited.parcel.id) : null;
  return parcels.flatMap((parcel) => {
    const id = String(parcel.id);
    const geometry = moved.get(id) ?? parcel.geometry;
    return id !== ownId && (boundsMeet(box, boxOf(geometry)) || boundsMeet(box, boxOf(parcel.geometry))) ? [{ id, geometry, parcel }] : [];
  });
}

/** The edit with neighbours (and the edited parcel itself, under `ownId`) reshaped as `changed` says. */
function withChanged<T extends EditedParcel>(edited: T, changed: readonly EditableParcel[], neighbours: ReadonlyArray<{ id: string; parcel: Parcel }>, ownId: string): T {
  if (changed.length === 0) return edited;
  let geometry = edited.geometry;
  const next = new Map(edited.neighbours.map((neighbour) => [String(neighbour.parcel.id), neighbour]));
  for (const { id, geometry: reshaped } of changed) {
    if (id === ownId) geometry = reshaped;
    else next.set(id, { parcel: neighbours.find((neighbour) => neighbour.id === id)!.parcel, geometry: reshaped });
  }
  return { ...edited, geometry, neighbours: [...next.values()] };
}

const OWN_ID = '\u0000edited';

/**
 * Topological editing: the vertex the user just dropped moves in every parcel (and every other ring
 * of the edited one) that had it exactly, and a vertex pulled out of a shared edge is added to the
 * neighbour along that edge, so shared edges stay shared.
 */
export function moveSharedVertexOf<T extends EditedParcel>(edited: T, change: RingChange, parcels: readonly Parcel[]): T {
  const vertex = findMovedVertex([change.before as Position[]], [change.after as Position[]]);
  if (vertex === null || vertex.kind === 'removed') return edited;
  const neighbours = currentGeometries(edited, parcels, boxAround(vertex.kind === 'inserted' ? vertex.between : [vertex.from]));
  if (vertex.kind === 'inserted') return withChanged(edited, insertSharedVertices(neighbours, [vertex]), neighbours, OWN_ID);
  return withChanged(edited, moveSharedVertex([{ id: OWN_ID, geometry: edited.geometry }, ...neighbours], vertex.from, vertex.to), neighbours, OWN_ID);
}

/** The neighbours (as the edit has them) that get the vertices a split or a clip put on their edges. */
export function withInsertedVertices<T extends EditedParcel>(edited: T, insertions: readonly VertexInsertion[], parcels: readonly Parcel[]): T {
  if (insertions.length === 0) return edited;
  const neighbours = currentGeometries(edited, parcels, boxAround(insertions.flatMap((insertion) => insertion.between)));
  return withChanged(edited, insertSharedVertices(neighbours, insertions), neighbours, OWN_ID);
}

/** What avoiding overlaps did to a drawn or reshaped parcel. */
export type AvoidOverlap =
  | { kind: 'unchanged' }
  /** Clipped; `insertions` are the vertices its new outline puts on the neighbours' edges. */
  | { kind: 'clipped'; geometry: MultiPolygon; insertions: VertexInsertion[] }
  /** The parcel lies entirely on parcels of the same services: it is left as drawn, for the user to decide. */
  | { kind: 'covered' };

/**
 * The parcel minus the parcels of the same phase that manage one of its services, so that drawing
 * roughly over a gap gives an exact fit. An overlap the parcel had before the edit is left alone
 * (it is resolved from the analysis panel, where the user chooses who keeps the area). Slivers under
 * the site's tolerance are dropped.
 */
export function avoidOverlap(edited: EditedParcel, services: readonly string[], parcels: readonly Parcel[], minArea: number): AvoidOverlap {
  const sameServices = currentGeometries(edited, parcels, boxOf(edited.geometry)).filter(({ parcel }) => parcel.properties.services.some((service) => services.includes(service)));
  const before = edited.parcel ? overlapping(edited.parcel.geometry, sameServices.map(({ parcel }) => parcel.geometry)) : [];
  const others = sameServices.filter((_, index) => !before[index]);
  const clipped = clipToAvoidOverlap(edited.geometry, others.map((other) => other.geometry), minArea);
  if (!clipped.clipped) return { kind: 'unchanged' };
  if (clipped.geometry === null) return { kind: 'covered' };
  // The map edits 9 decimals: the crossings are rounded, on the parcel and on the neighbours alike.
  const rounded = validateAreaGeometry(roundToDrawingPrecision(clipped.geometry), { minArea });
  if (!rounded.valid) return { kind: 'unchanged' };
  return { kind: 'clipped', geometry: rounded.geometry, insertions: roundInsertions(clipped.newVertices) };
}

/** The parcel with a drawn ring added as a hole (inside one of its parts) or as a new part. */
export function addDrawnRing(geometry: MultiPolygon, ring: 'hole' | 'part', coordinates: number[][], minArea: number): { kind: 'added'; geometry: MultiPolygon } | Refusal {
  const edit = ring === 'hole'
    ? addHole(geometry, coordinates as Position[], { minArea })
    : addPart(geometry, { type: 'Polygon', coordinates: [coordinates as Position[]] }, { minArea });
  return edit.kind === 'invalid' ? edit : { kind: 'added', geometry: edit.geometry };
}

/** The pieces of a split, largest first (the parcel keeps it), and the vertices it puts on the neighbours' edges. */
export function splitForEditor(geometry: MultiPolygon, line: number[][], minArea: number): { kind: 'split'; pieces: MultiPolygon[]; insertions: VertexInsertion[] } | Refusal {
  const split = splitParcel(geometry, line as Position[], { minArea });
  if (split.kind === 'invalid') return split;
  const pieces: MultiPolygon[] = [];
  for (const piece of split.pieces) {
    const checked = validateAreaGeometry(roundToDrawingPrecision(piece), { minArea });
    if (!checked.valid) return { kind: 'invalid', reason: checked.reason, message: checked.message };
    pieces.push(checked.geometry);
  }
  return { kind: 'split', pieces, insertions: roundInsertions(split.newVertices) };
}

/** The merged shape of parcels of one organisation, and every service any of them managed. */
export function mergeForEditor(parcels: readonly Parcel[], minArea: number): { kind: 'merged'; geometry: MultiPolygon; services: string[] } | Refusal {
  const checked = validateAreaGeometry(roundToDrawingPrecision(mergeParcels(parcels.map((parcel) => parcel.geometry))), { minArea });
  if (!checked.valid) return { kind: 'invalid', reason: checked.reason, message: checked.message };
  const services = [...new Set(parcels.flatMap((parcel) => parcel.properties.services))];
  return { kind: 'merged', geometry: checked.geometry, services };
}

/** The parcels a phase shows, for the editor's neighbours: alive at it, every service. */
/** The vertices of a shape, each ring's closing position left out. */
export const vertexCount = (geometry: MultiPolygon): number => geometry.coordinates.flat().reduce((count, ring) => count + ring.length - 1, 0);

export const parcelsAlive = (parcels: readonly Parcel[], phase: number): Parcel[] => parcels.filter((parcel) => isAliveAt(parcel.properties, phase));
