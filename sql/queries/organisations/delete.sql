delete from organisations where id = $1
