-- Another session (dblink's, in the same server) takes a lock on orders and keeps its transaction open;
-- this session's ALTER TABLE then waits for it, as a migration waits for a session its tool left open.
create table orders (id int primary key);
create extension dblink;
select dblink_connect('holder', 'dbname=' || current_database() || ' user=' || current_user || ' application_name=lock-holder');
select dblink_exec('holder', 'begin');
select dblink_exec('holder', 'lock table orders in access share mode');
alter table orders add column total numeric;
