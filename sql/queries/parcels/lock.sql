select site_id as "siteId", version, from_phase as "fromPhase" from parcels where id = $1 for update
