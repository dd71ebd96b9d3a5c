update api_tokens set last_used_at = now()
  from users
 where api_tokens.token_hash = $1 and api_tokens.revoked_at is null and users.id = api_tokens.user_id
returning users.id, users.email, users.display_name as "displayName"
