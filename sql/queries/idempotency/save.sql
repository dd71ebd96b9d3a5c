insert into idempotency_keys (user_id, key, request_hash, status, body) values ($1, $2, $3, $4, $5)
