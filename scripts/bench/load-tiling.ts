import type pg from 'pg';
import { namedQuery } from '../../server/db/named-queries.js';
import { withTransaction } from '../../server/db/transaction.js';
import type { Tiling } from '../../tests/support/generate-tiling.js';

/** Stores a generated tiling as a public site (analysis deferred, so the caller times the recomputation). */
export async function loadTiling(pool: pg.Pool, tiling: Tiling, name: string): Promise<string> {
  const siteId = await withTransaction(pool, async (client) => {
    await client.query(namedQuery('analysis/defer'));
    for (const [index, id] of tiling.organisationIds.entries()) {
      await client.query(
        "insert into organisations (id, name, short_name, kind, colour) values ($1, $2, $3, 'autre', '#888888') on conflict (id) do nothing",
        [id, `Gestionnaire ${index + 1}`, `G${index + 1}`],
      );
    }
    const { rows } = await client.query<{ id: string }>(
      `insert into sites (name, commune, perimeter, public) values ($1, 'Banc d''essai', ST_SetSRID(ST_GeomFromGeoJSON($2), 4326), true) returning id`,
      [name, JSON.stringify(tiling.perimeter)],
    );
    const siteId = rows[0]!.id;
    await client.query("insert into phases (site_id, ordinal, name, kind) values ($1, 0, 'État actuel', 'existant')", [siteId]);
    const user = await client.query<{ id: string }>("insert into users (email, display_name, password_hash) values ($1, 'Banc', 'none') returning id", [`bench-${siteId}@tessera.invalid`]);
    await client.query("insert into site_roles (site_id, user_id, role) values ($1, $2, 'admin')", [siteId, user.rows[0]!.id]);
    await client.query(namedQuery('parcels/insert'), [siteId, JSON.stringify(tiling.parcels.map((parcel) => ({ id: parcel.id, geometry: parcel.geometry, properties: parcel.properties }))), user.rows[0]!.id]);
    await client.query(namedQuery('buildings/insert'), [siteId, JSON.stringify(tiling.buildings), user.rows[0]!.id]);
    return siteId;
  });
  // Fresh statistics, as autovacuum would give a real site, so that the planner uses the GiST indexes.
  await pool.query('analyze parcels; analyze buildings; analyze sites');
  return siteId;
}
