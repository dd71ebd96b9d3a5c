select site_id as "siteId", version, array[from_phase] as phases from buildings where id = $1 for update
