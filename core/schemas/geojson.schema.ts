import { z } from 'zod';

/** A [longitude, latitude] pair in WGS84 degrees (RFC 7946). */
export const positionSchema = z.tuple([z.number().finite(), z.number().finite()]);

/** A linear ring: closed list of positions. Deeper checks live in the geometry validation. */
export const ringSchema = z.array(positionSchema);

export const polygonSchema = z
  .object({ type: z.literal('Polygon'), coordinates: z.array(ringSchema) })
  .strict();

export const multiPolygonSchema = z
  .object({ type: z.literal('MultiPolygon'), coordinates: z.array(z.array(ringSchema)) })
  .strict();

export const areaGeometrySchema = z.discriminatedUnion('type', [polygonSchema, multiPolygonSchema]);

export type Position = z.infer<typeof positionSchema>;
export type Polygon = z.infer<typeof polygonSchema>;
export type MultiPolygon = z.infer<typeof multiPolygonSchema>;
export type AreaGeometry = z.infer<typeof areaGeometrySchema>;

/** A GeoJSON Feature with typed geometry and properties. */
export interface Feature<G, P> {
  type: 'Feature';
  id?: string | number;
  geometry: G;
  properties: P;
}

/** A GeoJSON FeatureCollection with typed features. */
export interface FeatureCollection<G, P> {
  type: 'FeatureCollection';
  features: Array<Feature<G, P>>;
}

/** Any GeoJSON geometry, as read back from the database for display. */
export interface Geometry {
  type: string;
  coordinates: unknown;
}
