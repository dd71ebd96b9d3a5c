select id, email, display_name as "displayName" from users where id = $1
