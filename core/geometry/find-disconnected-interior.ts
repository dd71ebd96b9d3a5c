import { capitalise, coordinatePath, formatPosition, polygonLabel, type SourceType } from './fault-wording.js';
import { GEOMETRY_FAULTS, type GeometryFault } from './geometry-faults.js';
import type { PlanarRing } from './planar-ring.js';
import type { RingContacts } from './ring-contacts.js';

/**
 * Finds rings of one polygon that touch so as to cut its interior in pieces (a hole touching the
 * shell twice, or two holes touching each other and the shell). In the graph linking each ring to
 * each point where it touches another ring, the interior is in pieces exactly when there is a cycle.
 */
export function findDisconnectedInterior(polygon: PlanarRing[], contacts: RingContacts, sourceType: SourceType): GeometryFault | null {
  const parents = new Map<string, string>();
  const root = (node: string): string => {
    let current = node;
    while (parents.get(current) !== undefined && parents.get(current) !== current) current = parents.get(current) as string;
    parents.set(node, current);
    return current;
  };
  const linked = new Set<string>();
  for (const ring of polygon) {
    for (const edgeContacts of contacts.get(ring)?.values() ?? []) {
      for (const contact of edgeContacts) {
        if (contact.otherRing.polygonIndex !== ring.polygonIndex || contact.from !== contact.to) continue;
        const ringNode = `ring ${ring.ringIndex}`;
        const pointNode = `point ${contact.point[0]} ${contact.point[1]}`;
        if (linked.has(`${ringNode}|${pointNode}`)) continue;
        linked.add(`${ringNode}|${pointNode}`);
        const ringRoot = root(ringNode);
        const pointRoot = root(pointNode);
        if (ringRoot === pointRoot) {
          const message = `${capitalise(polygonLabel(sourceType, ring.polygonIndex))} has rings touching each other so often that its interior is cut in pieces (last at ${formatPosition(contact.point)}); draw separate polygons instead.`;
          return { valid: false, reason: GEOMETRY_FAULTS.disconnectedInterior, message, path: coordinatePath(sourceType, ring.polygonIndex), location: contact.point };
        }
        parents.set(ringRoot, pointRoot);
      }
    }
  }
  return null;
}
