create table product (id bigint primary key);

insert into product (id)
values (1),
       (2);
insert into prodcut (id)
    values (3);
