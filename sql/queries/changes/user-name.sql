-- The display name of user $1, shown with a change notification.
select display_name as "displayName" from users where id = $1
