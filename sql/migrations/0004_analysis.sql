-- The analysis (DESIGN.md §4), materialised per site, phase and service and kept up to date in the
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
-- Geometry of the analysis. `region` (optional) limits the work to a part of the site.

/** The outdoor space O at a phase: perimeter − buildings alive there; within `region` when given. */
create function analysis_outdoor(site uuid, phase integer, region geometry default null)
returns geometry language sql stable as $$
  with perimeter as (
    select case when region is null then sites.perimeter else ST_Intersection(sites.perimeter, region) end as geom
      from sites where sites.id = site),
  built as (
    select ST_Union(buildings.geom) as geom
      from buildings
     where buildings.site_id = site
       and buildings.from_phase <= phase and (buildings.to_phase is null or phase < buildings.to_phase)
       and (region is null or (buildings.geom && region and ST_Intersects(buildings.geom, region))))
  select case when built.geom is null then perimeter.geom else ST_Difference(perimeter.geom, built.geom) end
    from perimeter, built
$$;

/** The gap pieces (polygons, every size) of `outdoor` not covered by the parcels alive at the phase covering the service, within `region` when given. */
create function analysis_gap_pieces(site uuid, phase integer, service text, outdoor geometry, region geometry default null)
returns table (geom geometry, area double precision) language sql stable as $$
  with covered as (
    select ST_Union(parcels.geom) as geom
      from parcels
     where parcels.site_id = site
       and parcels.from_phase <= phase and (parcels.to_phase is null or phase < parcels.to_phase)
       and parcels.services @> array[service]
       and (region is null or (parcels.geom && region and ST_Intersects(parcels.geom, region)))),
  gap as (
    select ST_CollectionExtract(case when covered.geom is null then outdoor else ST_Difference(outdoor, covered.geom) end, 3) as geom
      from covered)
  select ST_Multi(piece.geom), ST_Area(piece.geom::geography)
    from gap, ST_Dump(gap.geom) as piece
   where not ST_IsEmpty(piece.geom) and ST_Area(piece.geom::geography) > 0
$$;

/** Overlapping pairs of parcels alive at the phase covering the service: all of them, or those involving `involved`. */
create function analysis_overlap_pairs(site uuid, phase integer, service text, involved uuid[] default null)
returns table (parcel_a uuid, parcel_b uuid, organisation_a uuid, organisation_b uuid, kind text, geom geometry, area double precision)
language sql stable as $$
  with candidate as (
    select a.id as id_a, b.id as id_b, a.organisation_id as organisation_a, b.organisation_id as organisation_b, a.geom as geom_a, b.geom as geom_b
      from parcels a
      join parcels b on b.site_id = a.site_id and a.id < b.id
                    and b.from_phase <= phase and (b.to_phase is null or phase < b.to_phase)
                    and b.services @> array[service]
                    and a.geom && b.geom
     where a.site_id = site
       and a.from_phase <= phase and (a.to_phase is null or phase < a.to_phase)
       and a.services @> array[service]
       and (involved is null or a.id = any (involved) or b.id = any (involved))
       and ST_Relate(a.geom, b.geom, '2********')),
  piece as (
    select candidate.*, ST_Multi(ST_CollectionExtract(ST_Intersection(geom_a, geom_b), 3)) as geom from candidate)
  select id_a, id_b, organisation_a, organisation_b,
         case when organisation_a = organisation_b then 'duplicate' else 'conflict' end,
         piece.geom, ST_Area(piece.geom::geography)
    from piece
   where not ST_IsEmpty(piece.geom)
$$;

/** The overlapping pairs involving a few parcels, driven by their ids so that the spatial index is used. */
create function analysis_overlap_pairs_of(site uuid, phase integer, service text, involved uuid[])
returns table (parcel_a uuid, parcel_b uuid, organisation_a uuid, organisation_b uuid, kind text, geom geometry, area double precision)
language sql stable as $$
  with candidate as (
    select distinct on (least(mine.id, other.id), greatest(mine.id, other.id))
           least(mine.id, other.id) as id_a, greatest(mine.id, other.id) as id_b,
           case when mine.id < other.id then mine.organisation_id else other.organisation_id end as organisation_a,
           case when mine.id < other.id then other.organisation_id else mine.organisation_id end as organisation_b,
           case when mine.id < other.id then mine.geom else other.geom end as geom_a,
           case when mine.id < other.id then other.geom else mine.geom end as geom_b
      from parcels mine
      join parcels other on other.geom && mine.geom and other.id <> mine.id and other.site_id = mine.site_id
                        and other.from_phase <= phase and (other.to_phase is null or phase < other.to_phase)
                        and other.services @> array[service]
     where mine.id = any (involved) and mine.site_id = site
       and mine.from_phase <= phase and (mine.to_phase is null or phase < mine.to_phase)
       and mine.services @> array[service]
     order by least(mine.id, other.id), greatest(mine.id, other.id)),
  related as (select * from candidate where ST_Relate(geom_a, geom_b, '2********')),
  piece as (select related.*, ST_Multi(ST_CollectionExtract(ST_Intersection(geom_a, geom_b), 3)) as geom from related)
  select id_a, id_b, organisation_a, organisation_b,
         case when organisation_a = organisation_b then 'duplicate' else 'conflict' end,
         piece.geom, ST_Area(piece.geom::geography)
    from piece
   where not ST_IsEmpty(piece.geom)
$$;

/** Overflow (parcel − perimeter) of the parcels alive at the phase covering the service: all, or those in `involved`. */
create function analysis_overflow_pieces(site uuid, phase integer, service text, involved uuid[] default null)
returns table (parcel_id uuid, organisation_id uuid, geom geometry, area double precision)
language sql stable as $$
  with outside as (
    select parcels.id, parcels.organisation_id,
           ST_Multi(ST_CollectionExtract(ST_Difference(parcels.geom, sites.perimeter), 3)) as geom
      from parcels join sites on sites.id = parcels.site_id
     where parcels.site_id = site
       and (involved is null or parcels.id = any (involved))
       and parcels.from_phase <= phase and (parcels.to_phase is null or phase < parcels.to_phase)
       and parcels.services @> array[service]
       and not ST_CoveredBy(parcels.geom, sites.perimeter))
  select id, organisation_id, outside.geom, ST_Area(outside.geom::geography)
    from outside
   where not ST_IsEmpty(outside.geom)
$$;

-- ---------------------------------------------------------------------------------------------
-- Materialisation.

/** Rewrites the summary row from the stored pieces (sizes ≥ the site's tolerance); `outdoor_area` when given. */
create function analysis_refresh_summary(site uuid, phase integer, service text, outdoor_area double precision default null)
returns void language plpgsql as $$
declare
  tolerance double precision := (select sites.tolerance from sites where sites.id = site);
  outdoor double precision := coalesce(outdoor_area, (select summary.outdoor_area from analysis_summary summary
                                 where summary.site_id = site and summary.phase = analysis_refresh_summary.phase
                                   and summary.service = analysis_refresh_summary.service));
  gap_total double precision;
  overlap_total double precision;
  overflow_total double precision;
begin
  if outdoor is null then
    outdoor := ST_Area(analysis_outdoor(site, phase)::geography);
  end if;
  select coalesce(sum(area), 0) into gap_total from analysis_gaps g
   where g.site_id = site and g.phase = analysis_refresh_summary.phase and g.service = analysis_refresh_summary.service and g.area >= tolerance;
  select coalesce(sum(area), 0) into overlap_total from analysis_overlaps o
   where o.site_id = site and o.phase = analysis_refresh_summary.phase and o.service = analysis_refresh_summary.service and o.area >= tolerance;
  select coalesce(sum(area), 0) into overflow_total from analysis_overflow f
   where f.site_id = site and f.phase = analysis_refresh_summary.phase and f.service = analysis_refresh_summary.service and f.area >= tolerance;
  insert into analysis_summary as summary (site_id, phase, service, outdoor_area, gap_area, overlap_area, overflow_area, coverage, computed_at)
  values (site, phase, service, outdoor, gap_total, overlap_total, overflow_total, case when outdoor > 0 then 1 - gap_total / outdoor else 1 end, clock_timestamp())
  on conflict on constraint analysis_summary_pkey do update
     set outdoor_area = excluded.outdoor_area, gap_area = excluded.gap_area, overlap_area = excluded.overlap_area,
         overflow_area = excluded.overflow_area, coverage = excluded.coverage, computed_at = excluded.computed_at;
end $$;

/** Full recomputation of one phase of a site for some services (all services when null). */
create function analysis_recompute(site uuid, phase integer, services text[] default null)
returns void language plpgsql as $$
declare
  outdoor geometry;
  outdoor_area double precision;
  each_service text;
begin
  if not exists (select from phases where phases.site_id = site and phases.ordinal = phase) then
    return;
  end if;
  outdoor := analysis_outdoor(site, phase);
  outdoor_area := ST_Area(outdoor::geography);
  for each_service in select code from services s where analysis_recompute.services is null or s.code = any (analysis_recompute.services) order by code loop
    delete from analysis_gaps g where g.site_id = site and g.phase = analysis_recompute.phase and g.service = each_service;
    insert into analysis_gaps (site_id, phase, service, geom, area)
    select site, phase, each_service, piece.geom, piece.area from analysis_gap_pieces(site, phase, each_service, outdoor) piece;
    delete from analysis_overlaps o where o.site_id = site and o.phase = analysis_recompute.phase and o.service = each_service;
    insert into analysis_overlaps (site_id, phase, service, parcel_a, parcel_b, organisation_a, organisation_b, kind, geom, area)
    select site, phase, each_service, pair.* from analysis_overlap_pairs(site, phase, each_service) pair;
    delete from analysis_overflow f where f.site_id = site and f.phase = analysis_recompute.phase and f.service = each_service;
    insert into analysis_overflow (site_id, phase, service, parcel_id, organisation_id, geom, area)
    select site, phase, each_service, piece.* from analysis_overflow_pieces(site, phase, each_service) piece;
    perform analysis_refresh_summary(site, phase, each_service, outdoor_area);
  end loop;
end $$;

/** Full recomputation of every phase and service of a site. */
create function analysis_recompute_site(site uuid)
returns void language plpgsql as $$
declare
  phase integer;
begin
  perform pg_advisory_xact_lock(hashtextextended('analysis ' || site, 0));
  for phase in select ordinal from phases where phases.site_id = site order by ordinal loop
    perform analysis_recompute(site, phase);
  end loop;
end $$;

/** Recomputes the gaps of one phase and service within `region` extended with every stored gap piece it meets. */
create function analysis_refresh_gaps(site uuid, phase integer, service text, region geometry)
returns void language plpgsql as $$
declare
  extended geometry;
  replaced bigint[];
begin
  select array_agg(g.id), ST_Union(region, ST_Union(g.geom)) into replaced, extended
    from analysis_gaps g
   where g.site_id = site and g.phase = analysis_refresh_gaps.phase and g.service = analysis_refresh_gaps.service
     and g.geom && region and ST_Intersects(g.geom, region);
  extended := coalesce(extended, region);
  delete from analysis_gaps g where g.id = any (replaced);
  insert into analysis_gaps (site_id, phase, service, geom, area)
  select site, phase, service, piece.geom, piece.area
    from analysis_gap_pieces(site, phase, service, analysis_outdoor(site, phase, extended), extended) piece;
end $$;

-- Above this many changed parcels or buildings in one statement (an import), recompute in full.
create function analysis_bulk_threshold() returns integer language sql immutable as 'select 50';

/** Whether the triggers should leave the analysis alone in this transaction (a loader recomputes at its end). */
create function analysis_deferred() returns boolean language sql stable as $$
  select coalesce(current_setting('tessera.analysis_deferred', true), '') = 'on'
$$;

/** Applies a statement's parcel changes (old and new versions) to the materialised analysis. */
create function analysis_apply_parcel_changes(old_versions parcels[], new_versions parcels[])
returns void language plpgsql as $$
declare
  change record;
begin
  for change in
    with version as (
      select 'old' as side, v.* from unnest(old_versions) v
      union all
      select 'new', v.* from unnest(new_versions) v),
    alive as (
      select version.side, version.id, version.site_id, version.geom, version.organisation_id, phases.ordinal as phase, service
        from version
        join phases on phases.site_id = version.site_id and version.from_phase <= phases.ordinal
                   and (version.to_phase is null or phases.ordinal < version.to_phase)
        cross join unnest(version.services) as service),
    differing as (
      select coalesce(before.site_id, after.site_id) as site_id, coalesce(before.phase, after.phase) as phase,
             coalesce(before.service, after.service) as service, coalesce(before.id, after.id) as id,
             before.geom as old_geom, after.geom as new_geom
        from (select * from alive where side = 'old') before
        full join (select * from alive where side = 'new') after
          on after.id = before.id and after.phase = before.phase and after.service = before.service
       where before.id is null or after.id is null
          or not (before.geom = after.geom) or before.organisation_id <> after.organisation_id)
    select site_id, phase, service, array_agg(distinct id) as ids,
           ST_Envelope(ST_Collect(array_agg(old_geom) || array_agg(new_geom))) as region
      from differing
     group by site_id, phase, service
     order by site_id, phase, service
  loop
    perform pg_advisory_xact_lock(hashtextextended('analysis ' || change.site_id, 0));
    if cardinality(change.ids) > analysis_bulk_threshold() then
      perform analysis_recompute(change.site_id, change.phase, array[change.service]);
      continue;
    end if;
    delete from analysis_overlaps o
     where o.site_id = change.site_id and o.phase = change.phase and o.service = change.service and o.parcel_a = any (change.ids);
    delete from analysis_overlaps o
     where o.site_id = change.site_id and o.phase = change.phase and o.service = change.service and o.parcel_b = any (change.ids);
    insert into analysis_overlaps (site_id, phase, service, parcel_a, parcel_b, organisation_a, organisation_b, kind, geom, area)
    select change.site_id, change.phase, change.service, pair.*
      from analysis_overlap_pairs_of(change.site_id, change.phase, change.service, change.ids) pair;
    delete from analysis_overflow f
     where f.site_id = change.site_id and f.phase = change.phase and f.service = change.service and f.parcel_id = any (change.ids);
    insert into analysis_overflow (site_id, phase, service, parcel_id, organisation_id, geom, area)
    select change.site_id, change.phase, change.service, piece.*
      from analysis_overflow_pieces(change.site_id, change.phase, change.service, change.ids) piece;
    perform analysis_refresh_gaps(change.site_id, change.phase, change.service, change.region);
    perform analysis_refresh_summary(change.site_id, change.phase, change.service);
  end loop;
end $$;

/** Applies a statement's building changes: gaps near them for every service, and the outdoor area. */
create function analysis_apply_building_changes(old_versions buildings[], new_versions buildings[])
returns void language plpgsql as $$
declare
  change record;
  service text;
  outdoor_area double precision;
begin
  for change in
    with version as (
      select v.* from unnest(old_versions) v union all select v.* from unnest(new_versions) v)
    select version.site_id, phases.ordinal as phase, count(*) as changes, ST_Envelope(ST_Collect(version.geom)) as region
      from version
      join phases on phases.site_id = version.site_id and version.from_phase <= phases.ordinal
                 and (version.to_phase is null or phases.ordinal < version.to_phase)
     group by version.site_id, phases.ordinal
     order by version.site_id, phases.ordinal
  loop
    perform pg_advisory_xact_lock(hashtextextended('analysis ' || change.site_id, 0));
    if change.changes > analysis_bulk_threshold() then
      perform analysis_recompute(change.site_id, change.phase);
      continue;
    end if;
    outdoor_area := ST_Area(analysis_outdoor(change.site_id, change.phase)::geography);
    for service in select code from services order by code loop
      perform analysis_refresh_gaps(change.site_id, change.phase, service, change.region);
      perform analysis_refresh_summary(change.site_id, change.phase, service, outdoor_area);
    end loop;
  end loop;
end $$;

-- ---------------------------------------------------------------------------------------------
-- Triggers: every write of parcels, buildings, sites and phases refreshes the analysis in its own
-- transaction, whatever the path (API, import, restore, scripts). Statement-level with transition
-- tables, so that an import is one full recomputation rather than thousands of small ones.

create function analysis_parcels_inserted() returns trigger language plpgsql as $$
begin
  if not analysis_deferred() then
    perform analysis_apply_parcel_changes(array[]::parcels[], (select coalesce(array_agg(n::parcels), '{}') from new_rows n));
  end if;
  return null;
end $$;

create function analysis_parcels_updated() returns trigger language plpgsql as $$
begin
  if not analysis_deferred() then
    perform analysis_apply_parcel_changes((select coalesce(array_agg(o::parcels), '{}') from old_rows o), (select coalesce(array_agg(n::parcels), '{}') from new_rows n));
  end if;
  return null;
end $$;

create function analysis_parcels_deleted() returns trigger language plpgsql as $$
begin
  if not analysis_deferred() then
    perform analysis_apply_parcel_changes((select coalesce(array_agg(o::parcels), '{}') from old_rows o), array[]::parcels[]);
  end if;
  return null;
end $$;

create trigger analysis_parcels_insert after insert on parcels referencing new table as new_rows
  for each statement execute function analysis_parcels_inserted();
create trigger analysis_parcels_update after update on parcels referencing old table as old_rows new table as new_rows
  for each statement execute function analysis_parcels_updated();
create trigger analysis_parcels_delete after delete on parcels referencing old table as old_rows
  for each statement execute function analysis_parcels_deleted();

create function analysis_buildings_inserted() returns trigger language plpgsql as $$
begin
  if not analysis_deferred() then
    perform analysis_apply_building_changes(array[]::buildings[], (select coalesce(array_agg(n::buildings), '{}') from new_rows n));
  end if;
  return null;
end $$;

create function analysis_buildings_updated() returns trigger language plpgsql as $$
begin
  if not analysis_deferred() then
    perform analysis_apply_building_changes(
      (select coalesce(array_agg(o::buildings), '{}') from old_rows o join new_rows n on n.id = o.id
        where not (o.geom = n.geom) or o.from_phase <> n.from_phase or o.to_phase is distinct from n.to_phase),
      (select coalesce(array_agg(n::buildings), '{}') from old_rows o join new_rows n on n.id = o.id
        where not (o.geom = n.geom) or o.from_phase <> n.from_phase or o.to_phase is distinct from n.to_phase));
  end if;
  return null;
end $$;

create function analysis_buildings_deleted() returns trigger language plpgsql as $$
begin
  if not analysis_deferred() then
    perform analysis_apply_building_changes((select coalesce(array_agg(o::buildings), '{}') from old_rows o), array[]::buildings[]);
  end if;
  return null;
end $$;

create trigger analysis_buildings_insert after insert on buildings referencing new table as new_rows
  for each statement execute function analysis_buildings_inserted();
create trigger analysis_buildings_update after update on buildings referencing old table as old_rows new table as new_rows
  for each statement execute function analysis_buildings_updated();
create trigger analysis_buildings_delete after delete on buildings referencing old table as old_rows
  for each statement execute function analysis_buildings_deleted();

-- A new phase is computed in full; a deleted one loses its rows by cascade.
create function analysis_phase_inserted() returns trigger language plpgsql as $$
begin
  if not analysis_deferred() then
    perform pg_advisory_xact_lock(hashtextextended('analysis ' || new.site_id, 0));
    perform analysis_recompute(new.site_id, new.ordinal);
  end if;
  return null;
end $$;

create trigger analysis_phase_insert after insert on phases
  for each row execute function analysis_phase_inserted();

-- A new perimeter changes everything; a new tolerance only which stored pieces count.
create function analysis_site_updated() returns trigger language plpgsql as $$
declare
  summary record;
begin
  if analysis_deferred() then
    return null;
  end if;
  if not (old.perimeter = new.perimeter) then
    perform analysis_recompute_site(new.id);
  elsif old.tolerance <> new.tolerance then
    perform pg_advisory_xact_lock(hashtextextended('analysis ' || new.id, 0));
    for summary in select phase, service from analysis_summary where site_id = new.id loop
      perform analysis_refresh_summary(new.id, summary.phase, summary.service);
    end loop;
  end if;
  return null;
end $$;

create trigger analysis_site_update after update of perimeter, tolerance on sites
  for each row execute function analysis_site_updated();
