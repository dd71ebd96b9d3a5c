// What the incremental analysis and a full recomputation must agree on, read from the materialised tables.
import type pg from 'pg';

/** Per phase and service: the summary, and the pieces of the site's tolerance or more. */
export interface SnapshotRow {
  phase: number;
  service: string;
  outdoor_area: number;
  gap_area: number;
  overlap_area: number;
  overflow_area: number;
  gaps: number;
  pairs: string[];
  overflowing: string[];
}

/** The summaries and the pieces over the tolerance, per phase and service. */
export async function snapshot(database: pg.Pool | pg.PoolClient, siteId: string): Promise<SnapshotRow[]> {
  const { rows } = await database.query<SnapshotRow>(
    `select summary.phase, summary.service, summary.outdoor_area, summary.gap_area, summary.overlap_area, summary.overflow_area,
            (select count(*)::int from analysis_gaps g where g.site_id = summary.site_id and g.phase = summary.phase and g.service = summary.service and g.area >= sites.tolerance) as gaps,
            (select coalesce(array_agg(o.parcel_a || '/' || o.parcel_b || '/' || o.kind order by o.parcel_a, o.parcel_b), '{}') from analysis_overlaps o
              where o.site_id = summary.site_id and o.phase = summary.phase and o.service = summary.service and o.area >= sites.tolerance) as pairs,
            (select coalesce(array_agg(f.parcel_id order by f.parcel_id), '{}') from analysis_overflow f
              where f.site_id = summary.site_id and f.phase = summary.phase and f.service = summary.service and f.area >= sites.tolerance) as overflowing
       from analysis_summary summary join sites on sites.id = summary.site_id
      where summary.site_id = $1
      order by summary.phase, summary.service`, [siteId]);
  return rows;
}

/**
 * Under this area (m²) a piece is numerical dust, which the two ways of finding overlaps do not
 * find alike: a full recomputation reads them off the faces of all edges, which a sliver of a few
 * mm² may not form, while an edit compares the edited parcel with each neighbour (seen once: a
 * 1.9e-6 m² pair stored by an edit, not found again by the recomputation). Both are far under any
 * site's tolerance, which drops them from what users see; over it, every piece must agree.
 */
export const DUST_AREA = 0.01;

/** Every stored piece of DUST_AREA or more, one line each ("overlap 0 nettoiement a/b 12.3456"), areas to `digits` significant digits. */
export async function rawPieces(database: pg.Pool | pg.PoolClient, siteId: string, digits = 6): Promise<string[]> {
  const { rows } = await database.query<{ kind: string; phase: number; service: string; what: string; area: number }>(
    `select * from (
       select 'gap' as kind, phase, service, '' as what, area from analysis_gaps where site_id = $1
       union all
       select 'overlap', phase, service, parcel_a || '/' || parcel_b || '/' || kind, area from analysis_overlaps where site_id = $1
       union all
       select 'overflow', phase, service, parcel_id::text, area from analysis_overflow where site_id = $1) as piece
      where area >= $2`, [siteId, DUST_AREA]);
  return rows.map((row) => `${row.kind} ${row.phase} ${row.service} ${row.what} ${row.area.toPrecision(digits)}`).sort();
}

/**
 * The analysis as stored (incremental), then as a full recomputation finds it, inside a transaction
 * rolled back: the stored analysis stays as the edits left it, so that a sequence goes on.
 */
export async function incrementalAndFull(pool: pg.Pool, siteId: string) {
  const client = await pool.connect();
  try {
    await client.query('begin');
    const incremental = { summary: await snapshot(client, siteId), raw: await rawPieces(client, siteId) };
    await client.query('select analysis_recompute_site($1)', [siteId]);
    const full = { summary: await snapshot(client, siteId), raw: await rawPieces(client, siteId) };
    return { incremental, full };
  } finally {
    await client.query('rollback');
    client.release();
  }
}
