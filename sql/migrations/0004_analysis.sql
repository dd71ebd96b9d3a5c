-- The analysis (docs/analysis.md), materialised per site, phase and service and kept up to date in the
-- transaction of every write by the triggers at the end of this file. Pieces of every size are
-- stored; the site's tolerance is applied when reading and summing, so a tolerance change needs no
-- recomputation, and an incremental refresh also sees the small pieces next to its region.

create table analysis_summary (
  site_id        uuid not null references sites (id) on delete cascade,
  phase          integer not null,
  service        text not null references services (code) on delete cascade on update cascade,
  outdoor_area   double precision not null,
  gap_area       double precision not null,
  overlap_area   double precision not null,
  overflow_area  double precision not null,
  coverage       double precision not null,
  computed_at    timestamptz not null default now(),
  primary key (site_id, phase, service),
  foreign key (site_id, phase) references phases (site_id, ordinal) on delete cascade
);

create table analysis_gaps (
  id       bigint generated always as identity primary key,
  site_id  uuid not null references sites (id) on delete cascade,
  phase    integer not null,
  service  text not null references services (code) on delete cascade on update cascade,
  geom     geometry(MultiPolygon, 4326) not null,
  area     double precision not null,
  foreign key (site_id, phase) references phases (site_id, ordinal) on delete cascade
);
create index analysis_gaps_key_idx on analysis_gaps (site_id, phase, service);
create index analysis_gaps_geom_idx on analysis_gaps using gist (geom);

-- One row per pair of parcels, parcel_a < parcel_b.
create table analysis_overlaps (
  site_id          uuid not null references sites (id) on delete cascade,
  phase            integer not null,
  service          text not null references services (code) on delete cascade on update cascade,
  parcel_a         uuid not null,
  parcel_b         uuid not null,
  organisation_a   uuid not null,
  organisation_b   uuid not null,
  kind             text not null check (kind in ('conflict', 'duplicate')),
  geom             geometry(MultiPolygon, 4326) not null,
  area             double precision not null,
  primary key (site_id, phase, service, parcel_a, parcel_b),
  foreign key (site_id, phase) references phases (site_id, ordinal) on delete cascade,
  check (parcel_a < parcel_b)
);
create index analysis_overlaps_parcel_b_idx on analysis_overlaps (site_id, phase, service, parcel_b);
create index analysis_overlaps_geom_idx on analysis_overlaps using gist (geom);

create table analysis_overflow (
  site_id          uuid not null references sites (id) on delete cascade,
  phase            integer not null,
  service          text not null references services (code) on delete cascade on update cascade,
  parcel_id        uuid not null,
  organisation_id  uuid not null,
  geom             geometry(MultiPolygon, 4326) not null,
  area             double precision not null,
  primary key (site_id, phase, service, parcel_id),
  foreign key (site_id, phase) references phases (site_id, ordinal) on delete cascade
);
create index analysis_overflow_geom_idx on analysis_overflow using gist (geom);

-- Yearly upkeep costs of a service (€/m²/year): organisation_id null is the site's default.
create table unit_costs (
  site_id            uuid not null references sites (id) on delete cascade,
  service            text not null references services (code) on delete cascade on update cascade,
  organisation_id    uuid references organisations (id) on delete cascade,
  euros_per_m2_year  double precision not null check (euros_per_m2_year >= 0),
  unique nulls not distinct (site_id, service, organisation_id)
);

-- ---------------------------------------------------------------------------------------------
-- Triggers: every write of parcels, buildings, sites and phases refreshes the analysis in its own
-- transaction, whatever the path (API, import, restore, scripts). Statement-level with transition
-- tables, so that an import is one full recomputation rather than thousands of small ones.
-- The analysis functions and these trigger functions are defined in sql/functions/ (applied after
-- the migrations, server/db/migrate.ts); the trigger functions are only declared here.

create function analysis_parcels_inserted() returns trigger language plpgsql as $$ begin raise 'defined in sql/functions'; end $$;
create function analysis_parcels_updated() returns trigger language plpgsql as $$ begin raise 'defined in sql/functions'; end $$;
create function analysis_parcels_deleted() returns trigger language plpgsql as $$ begin raise 'defined in sql/functions'; end $$;

create trigger analysis_parcels_insert after insert on parcels referencing new table as new_rows
  for each statement execute function analysis_parcels_inserted();
create trigger analysis_parcels_update after update on parcels referencing old table as old_rows new table as new_rows
  for each statement execute function analysis_parcels_updated();
create trigger analysis_parcels_delete after delete on parcels referencing old table as old_rows
  for each statement execute function analysis_parcels_deleted();

create function analysis_buildings_inserted() returns trigger language plpgsql as $$ begin raise 'defined in sql/functions'; end $$;
create function analysis_buildings_updated() returns trigger language plpgsql as $$ begin raise 'defined in sql/functions'; end $$;
create function analysis_buildings_deleted() returns trigger language plpgsql as $$ begin raise 'defined in sql/functions'; end $$;

create trigger analysis_buildings_insert after insert on buildings referencing new table as new_rows
  for each statement execute function analysis_buildings_inserted();
create trigger analysis_buildings_update after update on buildings referencing old table as old_rows new table as new_rows
  for each statement execute function analysis_buildings_updated();
create trigger analysis_buildings_delete after delete on buildings referencing old table as old_rows
  for each statement execute function analysis_buildings_deleted();

-- A new phase is computed in full; a deleted one loses its rows by cascade.
create function analysis_phase_inserted() returns trigger language plpgsql as $$ begin raise 'defined in sql/functions'; end $$;

create trigger analysis_phase_insert after insert on phases
  for each row execute function analysis_phase_inserted();

-- A new perimeter changes everything; a new tolerance only which stored pieces count.
create function analysis_site_updated() returns trigger language plpgsql as $$ begin raise 'defined in sql/functions'; end $$;

create trigger analysis_site_update after update of perimeter, tolerance on sites
  for each row execute function analysis_site_updated();
