import type pg from 'pg';
import { namedQuery } from '../db/named-queries.js';

/** What `GET /api/health` reports: the database answers, with PostGIS's version and the migrations applied. */
export async function databaseStatus(pool: pg.Pool): Promise<{ status: 'ok'; postgis: string; migrations: number }> {
  const { rows } = await pool.query<{ postgis: string; migrations: number }>(namedQuery('health/status'));
  return { status: 'ok', postgis: rows[0]!.postgis, migrations: rows[0]!.migrations };
}
