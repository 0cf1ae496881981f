-- A prepared transaction holds its locks with no session at all, until someone commits or rolls it back:
-- the dataset load's COPY into customers then waits for it.
create table customers (id int primary key, email text);
begin;
lock table customers in share mode;
prepare transaction 'left_open';
