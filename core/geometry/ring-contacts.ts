import type { Position } from '../schemas/geojson.schema.js';
import type { RingSegment } from './find-segment-intersections.js';
import { parameterAlong } from './parameter-along.js';
import type { PlanarRing } from './planar-ring.js';

/** Where one ring's edge meets another ring: a point (from === to) or a shared stretch, as fractions of the edge. */
export interface RingContact {
  from: number;
  to: number;
  point: Position;
  otherRing: PlanarRing;
  /** For a shared stretch: whether both polygons' interiors lie on the same side of it. */
  interiorsSameSide: boolean;
}

/** Contacts of each ring with other rings, by edge index. */
export type RingContacts = Map<PlanarRing, Map<number, RingContact[]>>;

/** Records, on both edges, that they touch at a point or share a stretch. */
export function recordRingContact(contacts: RingContacts, first: RingSegment, second: RingSegment, from: Position, to: Position): void {
  const sameDirection =
    (first.end[0] - first.start[0]) * (second.end[0] - second.start[0]) + (first.end[1] - first.start[1]) * (second.end[1] - second.start[1]) > 0;
  // Interiors on the same side of a shared stretch means the two areas overlap along it.
  const interiorsSameSide = sameDirection === (first.ring.interiorOnLeft === second.ring.interiorOnLeft);
  addContact(contacts, first, second.ring, from, to, interiorsSameSide);
  addContact(contacts, second, first.ring, from, to, interiorsSameSide);
}

function addContact(contacts: RingContacts, segment: RingSegment, otherRing: PlanarRing, from: Position, to: Position, interiorsSameSide: boolean): void {
  const fromParameter = parameterAlong(segment.start, segment.end, from);
  const toParameter = parameterAlong(segment.start, segment.end, to);
  let byEdge = contacts.get(segment.ring);
  if (byEdge === undefined) {
    byEdge = new Map();
    contacts.set(segment.ring, byEdge);
  }
  const list = byEdge.get(segment.index) ?? [];
  list.push({
    from: Math.min(fromParameter, toParameter),
    to: Math.max(fromParameter, toParameter),
    point: from,
    otherRing,
    interiorsSameSide,
  });
  byEdge.set(segment.index, list);
}
