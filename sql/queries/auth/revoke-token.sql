update api_tokens set revoked_at = now() where id = $1 and user_id = $2 and revoked_at is null returning id
