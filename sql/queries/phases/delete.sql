delete from phases where site_id = $1 and ordinal = $2
