select site_id as "siteId", version, array[phase] as phases from operations where id = $1 for update
