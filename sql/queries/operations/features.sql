-- Operations $1 (ids) as Features, each with its site (for access checks) and version, in the order of $1.
select site_id as "siteId", version, operation_feature(operations) as feature
  from operations
 where id = any($1::uuid[])
 order by array_position($1::uuid[], id)
