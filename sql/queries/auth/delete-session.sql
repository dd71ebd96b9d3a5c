delete from sessions where id_hash = $1
