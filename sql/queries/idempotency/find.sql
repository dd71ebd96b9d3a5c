select request_hash as "requestHash", status, body from idempotency_keys where user_id = $1 and key = $2
