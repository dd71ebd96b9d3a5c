insert into sessions (id_hash, user_id, expires_at) values ($1, $2, now() + make_interval(secs => $3))
