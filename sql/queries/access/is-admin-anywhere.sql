select exists (select 1 from site_roles where user_id = $1 and role = 'admin') as "isAdmin"
