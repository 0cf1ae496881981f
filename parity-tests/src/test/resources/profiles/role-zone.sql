-- a role's zone beats its database's (ALTER DATABASE ... SET) for sessions that send none
alter role current_user set timezone = 'UTC';
