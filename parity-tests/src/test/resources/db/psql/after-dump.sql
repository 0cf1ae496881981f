-- plain SQL after the psql scripts: over JDBC again, in a session of its own
insert into customers (email, name) values ('dora@example.com', 'Dora');
