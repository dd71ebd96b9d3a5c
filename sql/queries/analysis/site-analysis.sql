-- The materialised analysis of site $1 at phase $2 for service $3 as a SiteAnalysis document
-- (core/analysis/analysis-result.ts): pieces under the site's tolerance left out, largest first.
with site as (select tolerance from sites where id = $1),
summary as (select * from analysis_summary where site_id = $1 and phase = $2 and service = $3),
gap as (
  select row_number() over (order by area desc, ST_XMin(geom), ST_YMin(geom)) as rank, geom, area
    from analysis_gaps, site
   where site_id = $1 and phase = $2 and service = $3 and area >= site.tolerance),
overlap as (
  select parcel_a, parcel_b, organisation_a, organisation_b, kind, geom, area
    from analysis_overlaps, site
   where site_id = $1 and phase = $2 and service = $3 and area >= site.tolerance),
overflow as (
  select parcel_id, organisation_id, geom, area
    from analysis_overflow, site
   where site_id = $1 and phase = $2 and service = $3 and area >= site.tolerance)
select json_build_object(
  'outdoorArea', summary.outdoor_area,
  'gapArea', summary.gap_area,
  'overlapArea', summary.overlap_area,
  'overflowArea', summary.overflow_area,
  'coverage', summary.coverage,
  'gaps', geojson_feature_collection((
    select json_agg(geojson_feature('gap-' || rank, geom, json_build_object('area', area)) order by rank)
      from gap)),
  'overlaps', geojson_feature_collection((
    select json_agg(geojson_feature('overlap-' || parcel_a || '-' || parcel_b, geom, json_build_object('area', area, 'kind', kind,
             'parcelIds', json_build_array(parcel_a, parcel_b), 'organisationIds', json_build_array(organisation_a, organisation_b)))
             order by area desc, parcel_a, parcel_b)
      from overlap)),
  'overflow', geojson_feature_collection((
    select json_agg(geojson_feature('overflow-' || parcel_id, geom, json_build_object('area', area, 'parcelId', parcel_id, 'organisationId', organisation_id))
             order by area desc, parcel_id)
      from overflow))
) as analysis
  from summary
