-- The caller's role on a site ($2 may be null for anonymous) and whether the site is public.
select sites.public, site_roles.role
  from sites left join site_roles on site_roles.site_id = sites.id and site_roles.user_id = $2
 where sites.id = $1
