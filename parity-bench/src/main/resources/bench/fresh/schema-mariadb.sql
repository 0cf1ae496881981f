-- the template of FreshDatabaseBenchmark: a table as wide as a typical one, with a primary key, a unique index and one more
create table orders (
    id          bigint primary key,
    customer    varchar(200) not null,
    email       varchar(200) not null unique,
    status      varchar(20) not null,
    total       numeric(12, 2) not null,
    created_at  timestamp(6) not null,
    note        text
);
create index orders_customer on orders (customer);
