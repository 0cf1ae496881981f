\set source prodcut
create table orders_ok (id int);

insert into orders_ok (id)
    select id
    from :source;
