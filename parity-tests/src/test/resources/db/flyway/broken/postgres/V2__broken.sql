-- orders copied from a table that is not there
create table orders (
    id bigint primary key
);

insert into orders (id)
    select id from prodcut;
