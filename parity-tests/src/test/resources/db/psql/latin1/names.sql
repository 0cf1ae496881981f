-- written in Latin-1, as older tools wrote it; the JDBC driver would refuse this encoding
SET client_encoding = 'latin1';

create table psql_names (name text not null);
insert into psql_names values ('Zoë'), ('café'), ('Ångström');
