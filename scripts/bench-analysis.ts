// Times the PostGIS analysis on a generated site: full recomputation, incremental update per parcel
// edit, and the read of /analysis. Usage: DATABASE_URL=postgresql://… npx tsx scripts/bench-analysis.ts [side=100]
// (KEEP=1 keeps the database tessera_bench_analysis for EXPLAIN.)
import pg from 'pg';
import { migrate } from '../server/db/migrate.js';
import { namedQuery } from '../server/db/named-queries.js';
import { createPool } from '../server/db/pool.js';
import { gridParcels, JitteredGrid, seededRandom } from '../tests/integration/analysis/jittered-grid.js';

const side = Number(process.argv[2] ?? 100);
const server = process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
const name = 'tessera_bench_analysis';

async function onServer(sql: string) {
  const client = new pg.Client({ connectionString: server });
  await client.connect();
  await client.query(sql);
  await client.end();
}

function percentile(values: number[], share: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(share * sorted.length))]!;
}

async function timed<T>(work: () => Promise<T>): Promise<[number, T]> {
  const start = performance.now();
  const result = await work();
  return [performance.now() - start, result];
}

await onServer(`drop database if exists ${name} with (force)`);
await onServer(`create database ${name}`);
const url = new URL(server);
url.pathname = `/${name}`;
const pool = createPool({ connectionString: url.toString(), statementTimeoutMs: 600_000 });
try {
  await migrate(pool);
  const grid = new JitteredGrid([2.48, 48.9], side, side, 10, 7);
  const organisations = (await pool.query<{ id: string }>(
    `insert into organisations (name, short_name, kind, colour) select 'Org ' || n, 'O' || n, 'ville', '#336699' from generate_series(1, 6) n returning id`)).rows.map((row) => row.id);
  const site = (await pool.query<{ id: string }>(`insert into sites (name, commune, perimeter) values ('Bench', 'Bench', ST_SetSRID(ST_GeomFromGeoJSON($1), 4326)) returning id`,
    [JSON.stringify(grid.rectangle(0.5, -0.3, side - 0.4, side + 0.2))])).rows[0]!.id;
  await pool.query(`insert into phases (site_id, ordinal, name, kind) values ($1, 0, 'Actuel', 'existant')`, [site]);
  const parcels = gridParcels(grid, organisations, ['nettoiement', 'espaces_verts', 'collecte_om'], 11);
  const random = seededRandom(5);
  const buildings = Array.from({ length: Math.round(side * side / 50) }, () => grid.block(Math.floor(random() * (side - 1)), Math.floor(random() * (side - 1)), 1, 1));
  const client = await pool.connect();
  await client.query('begin');
  await client.query(namedQuery('analysis/defer'));
  await client.query(`insert into parcels (site_id, geom, organisation_id, services, label)
    select $1, ST_SetSRID(ST_GeomFromGeoJSON(feature -> 'geometry'), 4326), (feature -> 'properties' ->> 'organisationId')::uuid,
           array(select json_array_elements_text(feature -> 'properties' -> 'services')), feature -> 'properties' ->> 'label'
      from json_array_elements($2::json) feature`, [site, JSON.stringify(parcels)]);
  await client.query(`insert into buildings (site_id, geom) select $1, ST_Multi(ST_Buffer(ST_SetSRID(ST_GeomFromGeoJSON(geometry::text), 4326), -0.00002)) from json_array_elements($2::json) geometry`, [site, JSON.stringify(buildings)]);
  await client.query('commit');
  client.release();
  await pool.query('analyze');
  console.log(`site: ${parcels.length} parcels, ${buildings.length} buildings`);

  const full = async (sql: string) => (await timed(() => pool.query(sql, [site])))[0];
  console.log(`outdoor space O:            ${(await full('select ST_Area(analysis_outdoor($1, 0)::geography)')).toFixed(0)} ms`);
  console.log(`gaps, nettoiement:          ${(await full("select count(*) from analysis_gap_pieces($1, 0, 'nettoiement', analysis_outdoor($1, 0))")).toFixed(0)} ms`);
  console.log(`overlaps, nettoiement:      ${(await full("select count(*) from analysis_overlap_pairs($1, 0, 'nettoiement')")).toFixed(0)} ms`);
  console.log(`full, phase 0, nettoiement: ${(await full("select analysis_recompute($1, 0, array['nettoiement'])")).toFixed(0)} ms (gaps + overlaps + overflow + summary, stored)`);
  console.log(`full, all phases×services:  ${(await full('select analysis_recompute_site($1)')).toFixed(0)} ms`);
  const summary = (await pool.query(`select service, round(gap_area) gap, round(overlap_area) overlap, round(overflow_area) overflow,
      (select count(*) from analysis_gaps g where g.site_id = s.site_id and g.service = s.service and g.area >= 1) as gap_pieces,
      (select count(*) from analysis_overlaps o where o.site_id = s.site_id and o.service = s.service and o.area >= 1) as overlap_pieces
      from analysis_summary s where site_id = $1 order by service`, [site])).rows;
  console.table(summary);

  const ids = (await pool.query<{ id: string }>('select id from parcels where site_id = $1 order by id', [site])).rows.map((row) => row.id);
  const edits: number[] = [];
  for (let edit = 0; edit < 100; edit += 1) {
    const id = ids[Math.floor(random() * ids.length)]!;
    const dx = (random() - 0.5) * 0.00004;
    const dy = (random() - 0.5) * 0.00004;
    const [ms] = await timed(() => pool.query(
      `update parcels set geom = ST_Multi(ST_MakePolygon(ST_SetPoint(moved.ring, 1, ST_Translate(ST_PointN(moved.ring, 2), $2, $3))))
         from (select id, ST_ExteriorRing(ST_GeometryN(geom, 1)) as ring from parcels where id = $1) as moved
        where parcels.id = moved.id`,
      [id, dx, dy]));
    edits.push(ms);
  }
  console.log(`incremental parcel edit (vertex move, 3 services): p50 ${percentile(edits, 0.5).toFixed(1)} ms, p95 ${percentile(edits, 0.95).toFixed(1)} ms, max ${Math.max(...edits).toFixed(1)} ms`);
  const labels: number[] = [];
  for (let edit = 0; edit < 50; edit += 1) {
    labels.push((await timed(() => pool.query('update parcels set label = label where id = $1', [ids[edit]!])))[0]);
  }
  console.log(`label-only edit: p95 ${percentile(labels, 0.95).toFixed(1)} ms`);
  const reads: number[] = [];
  for (let read = 0; read < 50; read += 1) {
    reads.push((await timed(() => pool.query(namedQuery('analysis/site-analysis'), [site, 0, 'nettoiement'])))[0]);
  }
  console.log(`read /analysis query: p50 ${percentile(reads, 0.5).toFixed(1)} ms, p95 ${percentile(reads, 0.95).toFixed(1)} ms`);
  const before = await pool.query(`select service, gap_area, overlap_area, overflow_area from analysis_summary where site_id = $1 order by service`, [site]);
  await pool.query('select analysis_recompute_site($1)', [site]);
  const after = await pool.query(`select service, gap_area, overlap_area, overflow_area from analysis_summary where site_id = $1 order by service`, [site]);
  const relative = (a: number, b: number) => Math.abs(a - b) / Math.max(1, Math.abs(b));
  const worst = Math.max(...before.rows.flatMap((row, index) => ['gap_area', 'overlap_area', 'overflow_area'].map((column) => relative(row[column], after.rows[index][column]))));
  console.log(`incremental vs full after the edits: largest relative difference ${worst.toExponential(2)}`);
  console.table(before.rows.map((row, index) => ({ service: row.service, gapIncremental: row.gap_area, gapFull: after.rows[index].gap_area, overlapIncremental: row.overlap_area, overlapFull: after.rows[index].overlap_area })));
} finally {
  await pool.end();
  if (!process.env.KEEP) await onServer(`drop database if exists ${name} with (force)`);
}
