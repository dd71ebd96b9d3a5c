select postgis_lib_version() as postgis, (select count(*)::int from schema_migrations) as migrations
