select site_roles.site_id as "siteId", sites.name as "siteName", site_roles.role
  from site_roles join sites on sites.id = site_roles.site_id
 where site_roles.user_id = $1 order by sites.name, sites.id
