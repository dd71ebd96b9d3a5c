delete from sites where id = $1
