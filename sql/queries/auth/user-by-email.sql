select id, email, display_name as "displayName", password_hash as "passwordHash" from users where email = $1
