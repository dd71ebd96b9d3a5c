insert into api_tokens (user_id, name, token_hash) values ($1, $2, $3)
returning id, name, created_at as "createdAt", last_used_at as "lastUsedAt"
