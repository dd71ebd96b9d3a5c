import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Position } from '../../../core/index.js';
import { loadDemo } from '../../../server/demo/load-demo.js';
import { TestApi, type Answer, type Caller } from '../../support/api.js';
import { parcelFeature, readDemoSite } from '../../support/demo-site.js';
import { readRow } from '../../support/role-fixtures.js';
import { createTestDatabase, type TestDatabase } from '../../support/test-database.js';

// Every bad input a coordinator can send to the parcel routes: the status, the stable code, the
// faulty field, the place of a geometry fault, and that nothing was written.

/** Where the shapes are drawn: a grid of about 0.75 m × 0.78 m cells centred on a point of the site. */
interface Place {
  /** The position of grid point (x, y); (10, 10) is the site's inside point. */
  at(x: number, y: number): Position;
  organisationId: string;
  /** A corner of the site's perimeter: a square around it is partly outside. */
  perimeterCorner: Position;
}

interface Sent {
  body?: unknown;
  rawBody?: string;
  headers?: Record<string, string>;
}

interface BadInput {
  name: string;
  request(place: Place): Sent;
  status: number;
  code: string;
  field?: string;
  /** The fault's place as a grid point, or the grid box it lies in; no `location` expected without either. */
  location?: [number, number];
  locationWithin?: [number, number, number, number];
  message?: RegExp;
}

const square = (place: Place, x0: number, y0: number, x1: number, y1: number): Position[] =>
  [place.at(x0, y0), place.at(x1, y0), place.at(x1, y1), place.at(x0, y1), place.at(x0, y0)];
const polygon = (...rings: Position[][]) => ({ type: 'Polygon', coordinates: rings });
const parcel = (place: Place, geometry: unknown, properties: Record<string, unknown> = {}) => parcelFeature(geometry as never, place.organisationId, properties);
/** A valid parcel with these properties. */
const withProperties = (properties: Record<string, unknown>) => (place: Place): Sent => ({ body: parcel(place, polygon(square(place, 0, 0, 20, 20)), properties) });
/** A parcel with this geometry. */
const withGeometry = (geometry: (place: Place) => unknown) => (place: Place): Sent => ({ body: parcel(place, geometry(place)) });
/** The valid square's ring with one position replaced. */
const ringWith = (place: Place, index: number, position: unknown) => square(place, 0, 0, 20, 20).map((corner, cornerIndex) => (cornerIndex === index ? position : corner));

/** A closed ring of `count` distinct positions on a circle around the inside point. */
function circle(place: Place, count: number): Position[] {
  const [lon, lat] = place.at(10, 10);
  const ring: Position[] = Array.from({ length: count }, (_, index) => [lon + 0.0001 * Math.cos((2 * Math.PI * index) / count), lat + 0.00007 * Math.sin((2 * Math.PI * index) / count)]);
  return [...ring, ring[0]!];
}

/** The next double after x: a square this wide has an area of about 10⁻²⁰ m². */
function nextDouble(x: number): number {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  view.setBigUint64(0, view.getBigUint64(0) + 1n);
  return view.getFloat64(0);
}

const geometryCases: BadInput[] = [
  { name: 'an unclosed ring', request: withGeometry((place) => polygon(square(place, 0, 0, 20, 20).slice(0, 4))), status: 422, code: 'ring_not_closed', field: 'geometry.coordinates[0][3]', location: [0, 20] },
  { name: 'a ring of 3 positions', request: withGeometry((place) => polygon([place.at(0, 0), place.at(20, 0), place.at(0, 0)])), status: 422, code: 'ring_too_short', field: 'geometry.coordinates[0]', location: [0, 0] },
  { name: 'empty coordinates', request: withGeometry(() => ({ type: 'Polygon', coordinates: [] })), status: 422, code: 'empty_geometry', field: 'geometry.coordinates' },
  { name: 'a MultiPolygon part without rings', request: withGeometry(() => ({ type: 'MultiPolygon', coordinates: [[]] })), status: 422, code: 'empty_geometry', field: 'geometry.coordinates[0]' },
  {
    name: 'a bowtie', request: withGeometry((place) => polygon([place.at(0, 0), place.at(20, 20), place.at(20, 0), place.at(0, 20), place.at(0, 0)])),
    status: 422, code: 'self_intersection', field: 'geometry.coordinates[0][2]', location: [10, 10],
  },
  {
    name: 'a spike', request: withGeometry((place) => polygon([place.at(0, 0), place.at(20, 0), place.at(20, 20), place.at(10, 20), place.at(10, 30), place.at(10, 20), place.at(0, 20), place.at(0, 0)])),
    status: 422, code: 'self_intersection', field: 'geometry.coordinates[0][4]', location: [10, 30],
  },
  {
    name: 'a figure-8 (a ring touching itself)', request: withGeometry((place) => polygon([place.at(0, 0), place.at(10, 10), place.at(20, 0), place.at(20, 20), place.at(10, 10), place.at(0, 20), place.at(0, 0)])),
    status: 422, code: 'self_intersection', field: 'geometry.coordinates[0][4]', location: [10, 10],
  },
  {
    name: 'a zero-area ring (collinear positions)', request: withGeometry((place) => polygon([place.at(0, 0), place.at(10, 0), place.at(20, 0), place.at(0, 0)])),
    status: 422, code: 'self_intersection', field: 'geometry.coordinates[0][0]', location: [0, 0],
  },
  {
    name: 'a hole outside its shell', request: withGeometry((place) => polygon(square(place, 0, 0, 20, 20), square(place, 30, 30, 35, 35))),
    status: 422, code: 'hole_outside_shell', field: 'geometry.coordinates[1]', locationWithin: [30, 30, 35, 35],
  },
  {
    name: 'a hole crossing its shell', request: withGeometry((place) => polygon(square(place, 0, 0, 20, 20), square(place, 15, 5, 25, 10))),
    status: 422, code: 'hole_crosses_shell', field: 'geometry.coordinates[1][0]', location: [20, 5],
  },
  {
    name: 'nested holes', request: withGeometry((place) => polygon(square(place, 0, 0, 30, 30), square(place, 5, 5, 25, 25), square(place, 10, 10, 20, 20))),
    status: 422, code: 'nested_holes', field: 'geometry.coordinates[2]', locationWithin: [10, 10, 20, 20],
  },
  {
    name: 'overlapping holes', request: withGeometry((place) => polygon(square(place, 0, 0, 30, 30), square(place, 5, 5, 15, 15), square(place, 10, 10, 20, 20))),
    status: 422, code: 'holes_overlap', field: 'geometry.coordinates[2][0]', location: [15, 10],
  },
  {
    name: 'a hole touching its shell at two points (interior cut in two)',
    request: withGeometry((place) => polygon(square(place, 0, 0, 20, 20), [place.at(0, 10), place.at(10, 5), place.at(20, 10), place.at(10, 15), place.at(0, 10)])),
    status: 422, code: 'disconnected_interior', field: 'geometry.coordinates', location: [0, 10],
  },
  {
    name: 'overlapping parts of a MultiPolygon', request: withGeometry((place) => ({ type: 'MultiPolygon', coordinates: [[square(place, 0, 0, 20, 20)], [square(place, 10, 10, 30, 30)]] })),
    status: 422, code: 'polygons_overlap', field: 'geometry.coordinates[1][0][0]', location: [20, 10],
  },
  {
    name: 'MultiPolygon parts sharing an edge', request: withGeometry((place) => ({ type: 'MultiPolygon', coordinates: [[square(place, 0, 0, 10, 10)], [square(place, 10, 0, 20, 10)]] })),
    status: 422, code: 'polygons_share_edge', field: 'geometry.coordinates', location: [10, 0],
  },
  {
    // At the demo site's inside point the geodesic area of this square rounds to exactly 0.
    name: 'a square one double wide (zero area)',
    request: withGeometry((place) => {
      const [lon, lat] = place.at(0, 0);
      const [east, north] = [nextDouble(lon), nextDouble(lat)];
      return polygon([[lon, lat], [east, lat], [east, north], [lon, north], [lon, lat]]);
    }),
    status: 422, code: 'zero_area', field: 'geometry.coordinates', location: [0, 0],
  },
  {
    name: "a square of 0.4 m² (under the site's tolerance of 1 m²)", request: withGeometry((place) => polygon(square(place, 0, 0, 0.8, 0.8))),
    status: 422, code: 'area_too_small', field: 'geometry.coordinates', location: [0, 0], message: /1\.0 m²/,
  },
  { name: 'coordinates as strings', request: withGeometry((place) => polygon(square(place, 0, 0, 20, 20).map(([lon, lat]) => [String(lon), String(lat)] as never))), status: 422, code: 'coordinate_not_a_number', field: 'geometry.coordinates[0][0][0]' },
  { name: 'a null coordinate', request: withGeometry((place) => polygon(ringWith(place, 1, [place.at(20, 0)[0], null]) as Position[])), status: 422, code: 'coordinate_not_a_number', field: 'geometry.coordinates[0][1][1]' },
  { name: 'a null position', request: withGeometry((place) => polygon(ringWith(place, 1, null) as Position[])), status: 422, code: 'invalid_coordinates', field: 'geometry.coordinates[0][1]' },
  { name: 'the string "NaN" as a coordinate', request: withGeometry((place) => polygon(ringWith(place, 2, ['NaN', place.at(20, 20)[1]]) as Position[])), status: 422, code: 'coordinate_not_a_number', field: 'geometry.coordinates[0][2][0]' },
  {
    name: 'a coordinate of 1e999 (Infinity once parsed)',
    request: (place) => ({ rawBody: JSON.stringify(parcel(place, polygon(ringWith(place, 2, ['INFINITY', place.at(20, 20)[1]]) as Position[]))).replace('"INFINITY"', '1e999') }),
    status: 422, code: 'coordinate_not_a_number', field: 'geometry.coordinates[0][2][0]',
  },
  { name: 'a position of 1 value', request: withGeometry((place) => polygon(ringWith(place, 1, [place.at(20, 0)[0]]) as Position[])), status: 422, code: 'coordinate_dimension', field: 'geometry.coordinates[0][1]' },
  { name: 'a position of 5 values', request: withGeometry((place) => polygon(ringWith(place, 1, [...place.at(20, 0), 40, 0, 1]) as Position[])), status: 422, code: 'coordinate_dimension', field: 'geometry.coordinates[0][1]' },
  { name: 'a longitude over 180', request: withGeometry((place) => polygon(ringWith(place, 1, [181, place.at(20, 0)[1]]) as Position[])), status: 422, code: 'coordinate_out_of_range', field: 'geometry.coordinates[0][1]', message: /longitude 181/ },
  { name: 'a latitude over 90', request: withGeometry((place) => polygon(ringWith(place, 2, [place.at(20, 20)[0], 91]) as Position[])), status: 422, code: 'coordinate_out_of_range', field: 'geometry.coordinates[0][2]', message: /latitude 91/ },
  {
    name: 'Lambert-93 metres', request: withGeometry(() => polygon([[660000, 6866000], [660015, 6866000], [660015, 6866015], [660000, 6866015], [660000, 6866000]])),
    status: 422, code: 'projected_coordinates', field: 'geometry.coordinates[0][0]', message: /Lambert-93/,
  },
  {
    // Marseille: Web Mercator metres of northern France also fit Lambert-93 and are reported as such.
    name: 'Web Mercator metres', request: withGeometry(() => polygon([[600000, 5356000], [600015, 5356000], [600015, 5356015], [600000, 5356015], [600000, 5356000]])),
    status: 422, code: 'projected_coordinates', field: 'geometry.coordinates[0][0]', message: /Web Mercator/,
  },
  { name: 'a crs member', request: withGeometry((place) => ({ ...polygon(square(place, 0, 0, 20, 20)), crs: { type: 'name', properties: { name: 'EPSG:2154' } } })), status: 422, code: 'crs_not_allowed', field: 'geometry.crs' },
  { name: 'an unknown geometry member', request: withGeometry((place) => ({ ...polygon(square(place, 0, 0, 20, 20)), srid: 4326 })), status: 422, code: 'unknown_member', field: 'geometry.srid' },
  { name: 'an invalid bbox', request: withGeometry((place) => ({ ...polygon(square(place, 0, 0, 20, 20)), bbox: [2.4, 48.9] })), status: 422, code: 'invalid_bbox', field: 'geometry.bbox' },
  { name: 'a Point', request: withGeometry((place) => ({ type: 'Point', coordinates: place.at(10, 10) })), status: 422, code: 'unsupported_geometry_type', field: 'geometry.type' },
  { name: 'a LineString', request: withGeometry((place) => ({ type: 'LineString', coordinates: [place.at(0, 0), place.at(20, 20)] })), status: 422, code: 'unsupported_geometry_type', field: 'geometry.type' },
  {
    name: 'a GeometryCollection', request: withGeometry((place) => ({ type: 'GeometryCollection', geometries: [polygon(square(place, 0, 0, 20, 20))] })),
    status: 422, code: 'unsupported_geometry_type', field: 'geometry.type',
  },
  { name: 'a Feature as the geometry', request: withGeometry((place) => parcel(place, polygon(square(place, 0, 0, 20, 20)))), status: 422, code: 'unsupported_geometry_type', field: 'geometry.type', message: /not the feature/ },
  { name: 'a null geometry', request: withGeometry(() => null), status: 422, code: 'unsupported_geometry_type', field: 'geometry' },
  { name: 'no geometry', request: withGeometry(() => undefined), status: 400, code: 'invalid_feature', field: 'geometry' },
  { name: 'a parcel entirely outside the site', request: withGeometry((place) => polygon(square(place, 2000, 0, 2020, 20))), status: 422, code: 'outside_site', field: 'geometry' },
  { name: 'more than 10,000 vertices', request: withGeometry((place) => polygon(circle(place, 10_001))), status: 422, code: 'too_many_vertices', field: 'geometry.coordinates' },
];

const longText = (length: number) => 'é'.repeat(length);

const bodyCases: BadInput[] = [
  { name: 'a body over 1 MB', request: withProperties({ notes: 'x'.repeat(1_100_000) }), status: 413, code: 'payload_too_large', field: 'body' },
  { name: 'malformed JSON', request: () => ({ rawBody: '{"type": "Feature", "geometry": ' }), status: 400, code: 'malformed_json', field: 'body' },
  { name: 'a JSON array as the body', request: () => ({ body: [] }), status: 400, code: 'invalid_request', field: 'body' },
  { name: 'an unknown property', request: withProperties({ colour: '#ff0000' }), status: 400, code: 'unknown_property', field: 'properties' },
  { name: 'an unknown member of the Feature', request: (place) => ({ body: { ...parcel(place, polygon(square(place, 0, 0, 20, 20))), style: {} } }), status: 400, code: 'unknown_property', field: 'feature' },
  { name: 'a type other than Feature', request: (place) => ({ body: { ...parcel(place, polygon(square(place, 0, 0, 20, 20))), type: 'FeatureCollection' } }), status: 400, code: 'invalid_feature', field: 'type' },
  { name: 'no properties', request: (place) => ({ body: { type: 'Feature', geometry: polygon(square(place, 0, 0, 20, 20)) } }), status: 400, code: 'invalid_feature', field: 'properties' },
  { name: 'an organisation id that is not a UUID', request: withProperties({ organisationId: 'ville' }), status: 400, code: 'invalid_feature', field: 'properties.organisationId' },
  { name: 'an unknown organisation', request: withProperties({ organisationId: '00000000-0000-4000-8000-000000000000' }), status: 422, code: 'unknown_organisation', field: 'properties.organisationId' },
  { name: 'an unknown owner', request: withProperties({ ownerId: '00000000-0000-4000-8000-000000000000' }), status: 422, code: 'unknown_organisation', field: 'properties.ownerId' },
  { name: 'an unknown service', request: withProperties({ services: ['nettoiement', 'arrosage'] }), status: 422, code: 'unknown_service', field: 'properties.services' },
  { name: 'a service code of an invalid format', request: withProperties({ services: ['Espaces Verts'] }), status: 400, code: 'invalid_feature', field: 'properties.services.0' },
  { name: 'a repeated service', request: withProperties({ services: ['voirie', 'voirie'] }), status: 400, code: 'invalid_feature', field: 'properties.services' },
  { name: 'an empty services list', request: withProperties({ services: [] }), status: 400, code: 'invalid_feature', field: 'properties.services' },
  { name: 'an unknown phase (fromPhase 9)', request: withProperties({ fromPhase: 9 }), status: 422, code: 'unknown_phase', field: 'properties.fromPhase' },
  { name: 'an unknown phase (toPhase 9)', request: withProperties({ toPhase: 9 }), status: 422, code: 'unknown_phase', field: 'properties.toPhase' },
  { name: 'toPhase equal to fromPhase', request: withProperties({ fromPhase: 1, toPhase: 1 }), status: 400, code: 'invalid_feature', field: 'properties.toPhase' },
  { name: 'toPhase before fromPhase', request: withProperties({ fromPhase: 2, toPhase: 1 }), status: 400, code: 'invalid_feature', field: 'properties.toPhase' },
  { name: 'a negative fromPhase', request: withProperties({ fromPhase: -1 }), status: 400, code: 'invalid_feature', field: 'properties.fromPhase' },
  { name: 'a fractional fromPhase', request: withProperties({ fromPhase: 0.5 }), status: 400, code: 'invalid_feature', field: 'properties.fromPhase' },
  { name: 'a fromPhase as a string', request: withProperties({ fromPhase: '1' }), status: 400, code: 'invalid_feature', field: 'properties.fromPhase' },
  { name: 'a label over 200 characters', request: withProperties({ label: longText(201) }), status: 400, code: 'invalid_feature', field: 'properties.label' },
  { name: 'an agreement reference over 200 characters', request: withProperties({ agreementRef: longText(201) }), status: 400, code: 'invalid_feature', field: 'properties.agreementRef' },
  { name: 'notes over 4000 characters', request: withProperties({ notes: longText(4001) }), status: 400, code: 'invalid_feature', field: 'properties.notes' },
  {
    name: 'an Idempotency-Key over 200 characters',
    request: (place) => ({ ...withProperties({})(place), headers: { 'idempotency-key': 'k'.repeat(201) } }),
    status: 400, code: 'invalid_request', field: 'headers.idempotency-key',
  },
];

/** Inputs that look odd but are accepted, and how they are stored. */
interface AcceptedInput {
  name: string;
  request(place: Place): Sent;
  /** Checks the stored parcel (SQL on its id) and the answer. */
  verify(parcel: { id: string; geometry: { coordinates: Position[][][] } }, database: TestDatabase, place: Place): Promise<void>;
}

/** Twice the signed area of a ring, positive when counter-clockwise. */
const signedArea = (ring: Position[]) => ring.slice(1).reduce((sum, [x, y], index) => sum + ring[index]![0] * y - x * ring[index]![1], 0);

const acceptedCases: AcceptedInput[] = [
  {
    name: '3D coordinates (the height is dropped)',
    request: withGeometry((place) => polygon(square(place, 0, 0, 20, 20).map(([lon, lat]) => [lon, lat, 52.5] as unknown as Position))),
    async verify(stored, database) {
      expect(stored.geometry.coordinates.flat(2).every((position) => position.length === 2)).toBe(true);
      expect(await readRow(database.pool, 'select ST_NDims(geom) as dimensions from parcels where id = $1', [stored.id])).toEqual({ dimensions: 2 });
    },
  },
  {
    name: 'a clockwise exterior ring (stored counter-clockwise)',
    request: withGeometry((place) => polygon(square(place, 0, 0, 20, 20).reverse())),
    async verify(stored, database) {
      expect(signedArea(stored.geometry.coordinates[0]![0]!)).toBeGreaterThan(0);
      const row = await readRow(database.pool, 'select ST_IsPolygonCCW(geom) as ccw, ST_AsGeoJSON(geom) as raw from parcels where id = $1', [stored.id]);
      expect(row!.ccw).toBe(true);
      expect(signedArea(JSON.parse(row!.raw as string).coordinates[0][0])).toBeGreaterThan(0);
    },
  },
  {
    name: 'a hole touching its shell at one point',
    request: withGeometry((place) => polygon(square(place, 0, 0, 20, 20), [place.at(0, 10), place.at(10, 5), place.at(10, 15), place.at(0, 10)])),
    async verify(stored, database) {
      expect(stored.geometry.coordinates[0]).toHaveLength(2);
      expect(await readRow(database.pool, 'select ST_IsValid(geom) as valid, ST_NumInteriorRings(ST_GeometryN(geom, 1)) as holes from parcels where id = $1', [stored.id])).toEqual({ valid: true, holes: 1 });
    },
  },
  {
    name: 'a parcel partly outside the site',
    request: withGeometry((place) => {
      const [lon, lat] = place.perimeterCorner;
      return polygon([[lon - 0.0001, lat - 0.00007], [lon + 0.0001, lat - 0.00007], [lon + 0.0001, lat + 0.00007], [lon - 0.0001, lat + 0.00007], [lon - 0.0001, lat - 0.00007]]);
    }),
    async verify(stored, database) {
      const row = await readRow(database.pool, 'select ST_Within(parcels.geom, sites.perimeter) as within from parcels join sites on sites.id = parcels.site_id where parcels.id = $1', [stored.id]);
      expect(row).toEqual({ within: false });
    },
  },
  {
    name: 'a label of exactly 200 characters and notes of exactly 4000',
    request: withProperties({ label: longText(200), notes: longText(4000) }),
    async verify(stored, database) {
      expect(await readRow(database.pool, 'select length(label) as label, length(notes) as notes from parcels where id = $1', [stored.id])).toEqual({ label: 200, notes: 4000 });
    },
  },
];

describe('bad input to the parcel routes', () => {
  let database: TestDatabase;
  let api: TestApi;
  let coordinator: Caller;
  let siteId: string;
  let place: Place;

  const counts = () => readRow(database.pool, 'select (select count(*)::int from parcels) as parcels, (select count(*)::int from parcel_versions) as versions');

  /** Sends a request as the coordinator and checks that it wrote nothing. */
  async function refused(method: string, path: string, sent: Sent, state: () => Promise<unknown> = counts): Promise<Answer> {
    const before = await state();
    const answer = await api.call(method, path, coordinator, sent);
    expect(await state(), 'nothing was written').toEqual(before);
    return answer;
  }

  function expectFault(answer: Answer, expected: BadInput): void {
    expect([answer.status, answer.body.code, answer.body.field], JSON.stringify(answer.body)).toEqual([expected.status, expected.code, expected.field]);
    if (expected.message) expect(answer.body.message).toMatch(expected.message);
    const location = answer.body.location as Position | undefined;
    if (expected.location) {
      const [lon, lat] = place.at(...expected.location);
      expect(location).toEqual([expect.closeTo(lon, 9), expect.closeTo(lat, 9)]);
    } else if (expected.locationWithin) {
      const [x0, y0, x1, y1] = expected.locationWithin;
      const [west, south] = place.at(x0, y0);
      const [east, north] = place.at(x1, y1);
      expect(location![0]).toBeGreaterThanOrEqual(west);
      expect(location![0]).toBeLessThanOrEqual(east);
      expect(location![1]).toBeGreaterThanOrEqual(south);
      expect(location![1]).toBeLessThanOrEqual(north);
    } else {
      expect(location, 'no location').toBeUndefined();
    }
  }

  /** A new parcel at version 1, to be changed. */
  async function createParcel(): Promise<string> {
    const answer = await api.call<{ id: string }>('POST', `/api/sites/${siteId}/parcels`, coordinator, withProperties({})(place));
    expect(answer.status).toBe(201);
    return answer.body.id;
  }

  const parcelState = (id: string) => () => readRow(database.pool, 'select version, (select count(*)::int from parcel_versions where parcel_id = $1) as versions from parcels where id = $1', [id]);

  beforeAll(async () => {
    database = await createTestDatabase();
    await loadDemo(database.pool);
    const demo = await readDemoSite(database.pool);
    siteId = demo.siteId;
    const corner = await readRow(database.pool, 'select ST_X(ST_StartPoint(ST_ExteriorRing(ST_GeometryN(perimeter, 1)))) as lon, ST_Y(ST_StartPoint(ST_ExteriorRing(ST_GeometryN(perimeter, 1)))) as lat from sites');
    const [lon, lat] = demo.inside;
    place = {
      at: (x, y) => [lon + (x - 10) * 1e-5, lat + (y - 10) * 0.7e-5],
      organisationId: Object.values(demo.organisationIds)[0]!,
      perimeterCorner: [corner!.lon as number, corner!.lat as number],
    };
    api = await TestApi.start(database.pool);
    coordinator = await api.signIn('coordination@tessera.demo');
  });
  afterAll(async () => {
    await api?.close();
    await database?.drop();
  });

  describe('POST /api/sites/:siteId/parcels refuses', () => {
    for (const badInput of [...geometryCases, ...bodyCases]) {
      it(`${badInput.name} → ${badInput.status} ${badInput.code}`, async () => {
        const answer = await refused('POST', `/api/sites/${siteId}/parcels`, badInput.request(place));
        expectFault(answer, badInput);
      });
    }
  });

  describe('POST /api/sites/:siteId/parcels accepts', () => {
    for (const accepted of acceptedCases) {
      it(`${accepted.name} → 201`, async () => {
        const before = (await counts()) as { parcels: number; versions: number };
        const answer = await api.call<{ id: string; geometry: { coordinates: Position[][][] } }>('POST', `/api/sites/${siteId}/parcels`, coordinator, accepted.request(place));
        expect(answer.status, JSON.stringify(answer.body)).toBe(201);
        expect(await counts()).toEqual({ parcels: before.parcels + 1, versions: before.versions + 1 });
        await accepted.verify(answer.body, database, place);
      });
    }
  });

  describe('POST /api/sites/:siteId/parcels/import', () => {
    const importPath = () => `/api/sites/${siteId}/parcels/import`;
    const valid = () => Array.from({ length: 5 }, (_, index) => withProperties({ label: `Parcelle importée ${index}` })(place).body);
    const collection = (features: unknown[]) => ({ type: 'FeatureCollection', features });

    it('refuses 5 valid features and 1 bowtie with the report of the bad one → 422 import_rejected', async () => {
      const features = valid();
      features.splice(2, 0, withGeometry((at) => polygon([at.at(0, 0), at.at(20, 20), at.at(20, 0), at.at(0, 20), at.at(0, 0)]))(place).body);
      const answer = await refused('POST', importPath(), { body: collection(features) });
      const [lon, lat] = place.at(10, 10);
      expect(answer.status).toBe(422);
      expect(answer.body).toEqual({
        code: 'import_rejected',
        message: expect.any(String),
        accepted: 5,
        rejected: [{ index: 2, code: 'self_intersection', message: expect.any(String), field: 'geometry.coordinates[0][2]', location: [expect.closeTo(lon, 9), expect.closeTo(lat, 9)] }],
      });
    });

    it('refuses 5 valid features and 1 of an unknown organisation → 422 import_rejected, no location', async () => {
      const features = [...valid(), withProperties({ organisationId: '00000000-0000-4000-8000-000000000000' })(place).body];
      const answer = await refused('POST', importPath(), { body: collection(features) });
      expect(answer.status).toBe(422);
      expect(answer.body).toEqual({
        code: 'import_rejected',
        message: expect.any(String),
        accepted: 5,
        rejected: [{ index: 5, code: 'unknown_organisation', message: expect.any(String), field: 'properties.organisationId' }],
      });
    });

    it('reports without writing on ?dryRun=true → 200', async () => {
      const answer = await refused('POST', `${importPath()}?dryRun=true`, { body: collection(valid()) });
      expect([answer.status, answer.body]).toEqual([200, { accepted: 5, rejected: [], dryRun: true }]);
    });

    it('refuses more than 10,000 features → 413 too_many_features', async () => {
      const feature = valid()[0];
      const answer = await refused('POST', importPath(), { body: collection(Array.from({ length: 10_001 }, () => feature)) });
      expect([answer.status, answer.body.code, answer.body.field]).toEqual([413, 'too_many_features', 'body.features']);
    });

    it('refuses a body over 20 MB → 413 payload_too_large', async () => {
      const answer = await refused('POST', importPath(), { body: { ...collection(valid()), padding: 'x'.repeat(21_000_000) } });
      expect([answer.status, answer.body.code]).toEqual([413, 'payload_too_large']);
    });

    it('refuses a body that is not a FeatureCollection → 400', async () => {
      const answer = await refused('POST', importPath(), { body: valid()[0] });
      expect([answer.status, answer.body.code, answer.body.field]).toEqual([400, 'invalid_request', 'body.type']);
    });

    it('refuses ?dryRun=yes → 400', async () => {
      const answer = await refused('POST', `${importPath()}?dryRun=yes`, { body: collection(valid()) });
      expect([answer.status, answer.body.code, answer.body.field]).toEqual([400, 'invalid_request', 'query.dryRun']);
    });
  });

  describe('POST /api/sites/:siteId/parcels/changes refuses a created parcel as POST …/parcels does', () => {
    // Every fault of a parcel is sent as the second change of a set, after a valid update of another
    // parcel: the same status, code and place, the field under `changes.1.feature`, and neither written.
    const featureCases = [...geometryCases, ...bodyCases].filter((badInput) => badInput.field !== undefined && !/^(body|headers)\b/.test(badInput.field));
    for (const badInput of featureCases) {
      it(`${badInput.name} → ${badInput.status} ${badInput.code}`, async () => {
        const id = await createParcel();
        const sent = badInput.request(place);
        const update = { action: 'update', id, version: 1, properties: { label: 'Renommée' } };
        const rawBody = `{"changes": [${JSON.stringify(update)}, {"action": "create", "feature": ${sent.rawBody ?? JSON.stringify(sent.body)}}]}`;
        const state = async () => ({ counts: await counts(), updated: await parcelState(id)() });
        const answer = await refused('POST', `/api/sites/${siteId}/parcels/changes`, { rawBody }, state);
        expectFault(answer, { ...badInput, field: badInput.field === 'feature' ? 'changes.1.feature' : `changes.1.feature.${badInput.field}` });
        expect(answer.body.index).toBe(1);
      });
    }
  });

  describe('PATCH /api/parcels/:id refuses', () => {
    const patchCases: Array<{ name: string; sent: (place: Place) => Sent; status: number; code: string; field?: string }> = [
      { name: 'no If-Match', sent: () => ({ body: { properties: { label: 'x' } } }), status: 428, code: 'precondition_required', field: 'headers.if-match' },
      { name: 'a malformed If-Match', sent: () => ({ body: { properties: { label: 'x' } }, headers: { 'if-match': 'version-one' } }), status: 400, code: 'invalid_request', field: 'headers.if-match' },
      { name: 'a stale If-Match', sent: () => ({ body: { properties: { label: 'x' } }, headers: { 'if-match': '"7"' } }), status: 409, code: 'version_conflict', field: 'headers.if-match' },
      { name: 'malformed JSON', sent: () => ({ rawBody: '{"properties": {', headers: { 'if-match': '"1"' } }), status: 400, code: 'malformed_json', field: 'body' },
      { name: 'an unknown member of the change', sent: () => ({ body: { properties: { label: 'x' }, style: {} }, headers: { 'if-match': '"1"' } }), status: 400, code: 'invalid_request', field: 'body' },
      { name: 'an unknown property', sent: () => ({ body: { properties: { colour: '#ff0000' } }, headers: { 'if-match': '"1"' } }), status: 400, code: 'unknown_property', field: 'properties' },
      {
        name: 'a bowtie geometry',
        sent: (at) => ({ body: { geometry: polygon([at.at(0, 0), at.at(20, 20), at.at(20, 0), at.at(0, 20), at.at(0, 0)]) }, headers: { 'if-match': '"1"' } }),
        status: 422, code: 'self_intersection', field: 'geometry.coordinates[0][2]',
      },
      { name: 'an unknown organisation', sent: () => ({ body: { properties: { organisationId: '00000000-0000-4000-8000-000000000000' } }, headers: { 'if-match': '"1"' } }), status: 422, code: 'unknown_organisation', field: 'properties.organisationId' },
      { name: 'an empty services list', sent: () => ({ body: { properties: { services: [] } }, headers: { 'if-match': '"1"' } }), status: 400, code: 'invalid_feature', field: 'properties.services' },
    ];
    for (const patchCase of patchCases) {
      it(`${patchCase.name} → ${patchCase.status} ${patchCase.code}`, async () => {
        const id = await createParcel();
        const answer = await refused('PATCH', `/api/parcels/${id}`, patchCase.sent(place), parcelState(id));
        expect([answer.status, answer.body.code, answer.body.field], JSON.stringify(answer.body)).toEqual([patchCase.status, patchCase.code, patchCase.field]);
      });
    }
  });
});
