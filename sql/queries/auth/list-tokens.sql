select id, name, created_at as "createdAt", last_used_at as "lastUsedAt"
  from api_tokens where user_id = $1 and revoked_at is null order by created_at, id
