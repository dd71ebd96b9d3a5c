import type { Position } from '../schemas/geojson.schema.js';
import type { PlanarRing } from './planar-ring.js';
import type { RingContact } from './ring-contacts.js';

/** A stretch of a ring between two places where it meets a region's boundary, and where it lies. */
export interface RingRun {
  status: 'inside' | 'outside' | 'shared';
  /** A point of the run away from its ends, on the region's boundary only when shared. */
  sample: Position;
  /** Where the run leaves the region's boundary, or null for a ring that never meets it. */
  start: Position | null;
  interiorsSameSide: boolean;
}

const noContacts: RingContact[] = [];

interface Piece {
  from: Position;
  to: Position;
  startsAtContact: boolean;
  shared: RingContact | undefined;
}

/**
 * Cuts a ring wherever it meets the region's boundary and tells, for each stretch in between,
 * whether it runs inside the region, outside it, or along its boundary.
 * A stretch cannot change sides without meeting the boundary, so one point decides for all of it.
 */
export function classifyRingRuns(
  ring: PlanarRing,
  contactsByEdge: Map<number, RingContact[]> | undefined,
  isRegionRing: (other: PlanarRing) => boolean,
  regionContains: (point: Position) => boolean,
): RingRun[] {
  const runs = groupIntoRuns(cutRing(ring, contactsByEdge, isRegionRing));
  return runs.map((pieces) => {
    const first = pieces[0] as Piece;
    const start = first.startsAtContact ? first.from : null;
    if (first.shared !== undefined) {
      return { status: 'shared', sample: midpoint(first), start, interiorsSameSide: first.shared.interiorsSameSide };
    }
    // The longest piece's midpoint is the farthest from rounding trouble at the cuts.
    const sample = midpoint(pieces.reduce((longest, piece) => (squaredLength(piece) > squaredLength(longest) ? piece : longest)));
    return { status: regionContains(sample) ? 'inside' : 'outside', sample, start, interiorsSameSide: false };
  });
}

function cutRing(ring: PlanarRing, contactsByEdge: Map<number, RingContact[]> | undefined, isRegionRing: (other: PlanarRing) => boolean): Piece[] {
  const { vertices } = ring;
  const contactsOn = vertices.map((_, edge) => relevantContacts(contactsByEdge?.get(edge), isRegionRing));
  const pieces: Piece[] = [];
  for (let edge = 0; edge < vertices.length; edge += 1) {
    const start = vertices[edge] as Position;
    const end = vertices[(edge + 1) % vertices.length] as Position;
    const contacts = contactsOn[edge] as RingContact[];
    const previousContacts = contactsOn[(edge - 1 + vertices.length) % vertices.length] as RingContact[];
    const startsAtContact = previousContacts.some((contact) => contact.to === 1) || contacts.some((contact) => contact.from === 0);
    if (contacts.length === 0) {
      pieces.push({ from: start, to: end, startsAtContact, shared: undefined });
      continue;
    }
    const cuts = [0, 1];
    for (const contact of contacts) cuts.push(contact.from, contact.to);
    cuts.sort((first, second) => first - second);
    let from = 0;
    for (const to of cuts) {
      if (to <= from || to > 1) continue;
      pieces.push({
        from: pointAt(start, end, from),
        to: pointAt(start, end, to),
        startsAtContact: from > 0 || startsAtContact,
        shared: contacts.find((contact) => contact.from < contact.to && contact.from <= from && to <= contact.to),
      });
      from = to;
    }
  }
  return pieces;
}

function relevantContacts(contacts: RingContact[] | undefined, isRegionRing: (other: PlanarRing) => boolean): RingContact[] {
  if (contacts === undefined || !contacts.some((contact) => isRegionRing(contact.otherRing))) return noContacts;
  return contacts.filter((contact) => isRegionRing(contact.otherRing));
}

function groupIntoRuns(pieces: Piece[]): Piece[][] {
  const runs: Piece[][] = [];
  let previous: Piece | undefined;
  for (const piece of pieces) {
    const current = runs[runs.length - 1];
    const continues = current !== undefined && !piece.startsAtContact && piece.shared === undefined && previous?.shared === undefined;
    if (continues) current.push(piece);
    else runs.push([piece]);
    previous = piece;
  }
  // The ring is closed: a run that goes through the first corner without a contact there is one run.
  const first = runs[0];
  const last = runs[runs.length - 1];
  if (runs.length > 1 && first && last && !first[0]?.startsAtContact && first[0]?.shared === undefined && last[0]?.shared === undefined) {
    runs[0] = [...last, ...first];
    runs.pop();
  }
  return runs;
}

function pointAt(start: Position, end: Position, fraction: number): Position {
  if (fraction === 0) return start;
  if (fraction === 1) return end;
  return [start[0] + fraction * (end[0] - start[0]), start[1] + fraction * (end[1] - start[1])];
}

function midpoint(piece: Piece): Position {
  return [(piece.from[0] + piece.to[0]) / 2, (piece.from[1] + piece.to[1]) / 2];
}

function squaredLength(piece: Piece): number {
  return (piece.to[0] - piece.from[0]) ** 2 + (piece.to[1] - piece.from[1]) ** 2;
}
