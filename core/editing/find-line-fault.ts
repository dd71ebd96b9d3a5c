import { formatPosition } from '../geometry/fault-wording.js';
import { intersectSegments } from '../geometry/intersect-segments.js';
import type { Position } from '../schemas/geojson.schema.js';
import { EDIT_FAULTS, type EditRefusal } from './edit-faults.js';

/**
 * Checks a cutting line (repeated consecutive positions already removed): it needs two distinct
 * positions, and may neither cross nor touch itself, nor turn back along itself.
 */
export function findLineFault(line: readonly Position[]): EditRefusal | null {
  if (line.length < 2) {
    return { kind: 'invalid', reason: EDIT_FAULTS.lineTooShort, message: 'The line needs at least two distinct points.' };
  }
  for (let first = 0; first + 1 < line.length; first += 1) {
    for (let second = first + 1; second + 1 < line.length; second += 1) {
      const meeting = intersectSegments(line[first] as Position, line[first + 1] as Position, line[second] as Position, line[second + 1] as Position);
      if (meeting === null) continue;
      // Consecutive segments meet at their shared point; anything more is the line turning back.
      if (second === first + 1 && meeting.kind === 'touch') continue;
      const location = meeting.kind === 'overlap' ? meeting.from : meeting.point;
      return {
        kind: 'invalid',
        reason: EDIT_FAULTS.lineSelfIntersects,
        message: `The line crosses or touches itself at ${formatPosition(location)}: draw it without loops.`,
        location: [location[0], location[1]],
      };
    }
  }
  return null;
}
