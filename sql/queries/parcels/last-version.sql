-- The newest recorded version of a parcel, present or deleted.
select site_id as "siteId", version, change, from_phase as "fromPhase"
  from parcel_versions where parcel_id = $1 order by version desc limit 1
