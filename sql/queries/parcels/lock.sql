select site_id as "siteId", version, array[from_phase] as phases from parcels where id = $1 for update
