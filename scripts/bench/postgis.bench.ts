import type { AddressInfo } from 'node:net';
import type pg from 'pg';
import { makeApp } from '../../server/app.js';
import { parcelWrites } from '../../server/parcels/single-parcel-writes.js';
import { generateTiling, type Tiling } from '../../tests/support/generate-tiling.js';
import { loadTiling } from './load-tiling.js';
import { repeat, report, summarise, time, type Timings } from './measure.js';
import { seededRandom } from '../../tests/support/seeded-random.js';
import { moveVertex } from './move-vertex.js';

const SERVICE = 'nettoiement';

/** Overlaps the naive way (ST_Intersects alone, which prunes nothing in a tiling) plus the gaps. */
const NAIVE_ANALYSIS = `
  with alive as (select id, geom from parcels where site_id = $1 and $2 = any(services)),
       overlap_pairs as (select sum(ST_Area(ST_CollectionExtract(ST_Intersection(a.geom, b.geom), 3)::geography)) as area
                      from alive a join alive b on a.id < b.id and ST_Intersects(a.geom, b.geom)),
       outdoor as (select ST_Difference(perimeter, coalesce((select ST_Union(geom) from buildings where site_id = $1),
                                        'POLYGON EMPTY'::geometry)) as geom from sites where id = $1)
  select (select area from overlap_pairs) as overlap_area,
         ST_Area(ST_Difference((select geom from outdoor), (select ST_Union(geom) from alive))::geography) as gap_area`;

async function benchUser(pool: pg.Pool, siteId: string) {
  const { rows } = await pool.query(
    `select users.id, users.email, users.display_name as "displayName" from users join site_roles on site_roles.user_id = users.id where site_roles.site_id = $1`,
    [siteId],
  );
  return rows[0] as { id: string; email: string; displayName: string };
}

/** PATCHes random parcels (one vertex moved) through the write use case; the triggers refresh the analysis. */
async function benchEdits(pool: pg.Pool, siteId: string, tiling: Tiling, runs: number): Promise<Timings> {
  const user = await benchUser(pool, siteId);
  const random = seededRandom(23);
  const parcels = [...tiling.parcels];
  const versions = new Map<string, number>();
  return repeat(runs, async () => {
    const position = Math.floor(random() * parcels.length);
    const after = moveVertex(parcels[position]!, random);
    const version = versions.get(after.id) ?? 1;
    await parcelWrites.update(pool, after.id, user, version, { geometry: after.geometry });
    versions.set(after.id, version + 1);
    parcels[position] = after;
  });
}

/** GETs a path `runs` times, `concurrency` at a time, from a server on a loopback port. */
async function benchReads(pool: pg.Pool, path: string, runs: number, concurrency: number): Promise<{ timings: Timings; perSecond: number }> {
  const server = makeApp({ pool, webRoot: null }).listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const durations: number[] = [];
  let next = 0;
  const started = performance.now();
  const worker = async () => {
    while (next < runs) {
      next += 1;
      durations.push(await time(async () => {
        const response = await fetch(base + path);
        if (!response.ok) throw new Error(`GET ${path}: ${response.status}`);
        await response.arrayBuffer();
      }));
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const seconds = (performance.now() - started) / 1000;
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  return { timings: summarise(durations), perSecond: runs / seconds };
}

/** The server's engine: naive baseline, full recomputation, incremental edits, reads. */
export async function benchPostgis(pool: pg.Pool): Promise<void> {
  console.log('\nPostGIS engine (server), same tilings');
  for (const parcels of [1_000, 10_000, 100_000]) {
    const tiling = generateTiling({ parcels, seed: 7, defects: 0.03 });
    const siteId = await loadTiling(pool, tiling, `Banc ${parcels}`);
    const naive = parcels <= 10_000 ? await time(() => pool.query(NAIVE_ANALYSIS, [siteId, SERVICE])) : undefined;
    if (naive) report(`naive ST_Intersects overlaps + gaps, ${parcels} parcels`, naive, null);
    const full = await time(() => pool.query('select analysis_recompute($1, 0, array[$2::text])', [siteId, SERVICE]));
    report(`full recomputation (gaps + overlaps + overflow), ${parcels} parcels`, full, parcels === 10_000 ? { under: 600 } : parcels === 100_000 ? { under: 6000 } : null, naive);
    if (parcels === 10_000) {
      await pool.query('select analysis_recompute_site($1)', [siteId]);
      const edits = await benchEdits(pool, siteId, tiling, 100);
      report('one parcel edit (validation + write + incremental analysis): median', edits.median, null, naive);
      report('one parcel edit (validation + write + incremental analysis): p95', edits.p95, { under: 20 }, naive);
      const reads = await benchReads(pool, `/api/sites/${siteId}/analysis?phase=0&service=${SERVICE}`, 100, 1);
      report('GET /analysis, 10,000 parcels, one client: p95', reads.timings.p95, { under: 100 }, naive);
      const load = await benchReads(pool, `/api/sites/${siteId}/analysis?phase=0&service=${SERVICE}`, 400, 8);
      report(`GET /analysis under load, 8 clients: p95 (${load.perSecond.toFixed(0)} requests/s)`, load.timings.p95, null);
      const parcelsRead = await benchReads(pool, `/api/sites/${siteId}/parcels?phase=0`, 20, 2);
      report('GET /parcels (10,000 features as GeoJSON), 2 clients: p95', parcelsRead.timings.p95, null);
    }
    await pool.query('delete from sites where id = $1', [siteId]);
  }
}
