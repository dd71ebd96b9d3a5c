-- How service $4 changes on site $1 from phase $2 to phase $3 (core/analysis/phase-comparison.ts),
-- without costs: Region_a(k) = (∪ parcels of a alive at k covering the service) ∩ O(k), and
-- Region_nobody(k) = perimeter − ∪ Region_a(k). Transfers and gained/lost pieces under the tolerance are left out.
with site as (
  select perimeter, tolerance, ST_SetSRID('POLYGON EMPTY'::geometry, 4326) as empty from sites where id = $1),
outdoor as (
  select 'from' as side, analysis_outdoor($1, $2) as geom
  union all
  select 'to', analysis_outdoor($1, $3)),
managed as (
  select side, organisation_id, ST_Union(parcels.geom) as geom
    from parcels
    join (values ('from', $2::int), ('to', $3::int)) as wanted (side, phase)
      on analysis_parcel_counts(parcels, wanted.phase, $4::text)
   where parcels.site_id = $1
   group by side, organisation_id),
region as (
  select managed.side, managed.organisation_id, ST_CollectionExtract(ST_Intersection(managed.geom, outdoor.geom), 3) as geom
    from managed join outdoor using (side)),
nobody as (
  select outdoor.side, null::uuid as organisation_id,
         ST_CollectionExtract(ST_Difference(site.perimeter, coalesce((select ST_Union(region.geom) from region where region.side = outdoor.side), site.empty)), 3) as geom
    from outdoor, site),
everyone as (
  select side, organisation_id, geom, ST_Area(geom::geography) as area from region
  union all
  select side, organisation_id, geom, ST_Area(geom::geography) from nobody),
change as (
  select coalesce(before.organisation_id, after.organisation_id) as organisation_id,
         coalesce(before.area, 0) as area_from, coalesce(after.area, 0) as area_to,
         ST_CollectionExtract(case when before.geom is null then after.geom when after.geom is null then null
                                   else ST_Difference(after.geom, before.geom) end, 3) as gained,
         ST_CollectionExtract(case when after.geom is null then before.geom when before.geom is null then null
                                   else ST_Difference(before.geom, after.geom) end, 3) as lost
    from (select * from everyone where side = 'from') before
    full join (select * from everyone where side = 'to') after on coalesce(after.organisation_id, '00000000-0000-0000-0000-000000000000') = coalesce(before.organisation_id, '00000000-0000-0000-0000-000000000000')),
measured as (
  select change.*, coalesce(ST_Area(gained::geography), 0) as gained_area, coalesce(ST_Area(lost::geography), 0) as lost_area from change),
transfer as (
  select before.organisation_id as from_id, after.organisation_id as to_id,
         ST_Area(ST_Intersection(before.geom, after.geom)::geography) as area
    from (select * from everyone where side = 'from') before
    join (select * from everyone where side = 'to') after on before.geom && after.geom)
select json_build_object(
  'organisations', coalesce((select json_agg(json_build_object('organisationId', organisation_id, 'areaFrom', area_from, 'areaTo', area_to,
                               'gainedArea', gained_area, 'lostArea', lost_area) order by organisation_id nulls last) from measured), '[]'::json),
  'transfers', coalesce((select json_agg(json_build_object('from', from_id, 'to', to_id, 'area', transfer.area)
                           order by transfer.area desc, from_id nulls last, to_id nulls last)
                           from transfer, site where transfer.area >= site.tolerance), '[]'::json),
  'gained', geojson_feature_collection((
    select json_agg(geojson_feature('gained-' || coalesce(organisation_id::text, 'nobody'), ST_Multi(gained),
             json_build_object('organisationId', organisation_id, 'area', gained_area)) order by gained_area desc)
      from measured, site where gained_area >= site.tolerance)),
  'lost', geojson_feature_collection((
    select json_agg(geojson_feature('lost-' || coalesce(organisation_id::text, 'nobody'), ST_Multi(lost),
             json_build_object('organisationId', organisation_id, 'area', lost_area)) order by lost_area desc)
      from measured, site where lost_area >= site.tolerance))
) as comparison
