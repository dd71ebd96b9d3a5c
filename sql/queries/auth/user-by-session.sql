select users.id, users.email, users.display_name as "displayName"
  from sessions join users on users.id = sessions.user_id
 where sessions.id_hash = $1 and sessions.expires_at > now()
