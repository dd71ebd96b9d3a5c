import type { MultiPolygon, Position } from '../schemas/geojson.schema.js';

/** A parcel as the editing functions read and return it; a ParcelFeature or an AnalysisParcel fits. */
export interface EditableParcel {
  id: string;
  geometry: MultiPolygon;
}

/**
 * A vertex to add on the edge `between` (its two ends, consecutive in a ring, either way round), so
 * that a parcel sharing that edge gets the vertex its neighbour just got. Lists of them are applied
 * in order: a second vertex on the same edge names the first as one of its ends.
 */
export interface VertexInsertion {
  between: [Position, Position];
  at: Position;
}
