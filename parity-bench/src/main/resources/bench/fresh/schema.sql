-- the template of FreshDatabaseBenchmark: a table as wide as a typical one, with a primary key, a unique index and one more
create table orders (
    id          bigint primary key,
    customer    text not null,
    email       text not null unique,
    status      text not null,
    total       numeric(12, 2) not null,
    created_at  timestamptz not null,
    note        text
);
create index orders_customer on orders (customer);
