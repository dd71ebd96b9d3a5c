delete from operations where id = $1
