-- The example shop's tables (parity-examples' schema.sql) that its production profile fills, for the warm-start
-- benchmark's five million orders.
create table customers (
    id         bigserial primary key,
    email      varchar(320) not null unique,
    full_name  varchar(200),
    country    char(2)      not null,
    created_at timestamptz  not null default now()
);
create index customers_email_lower_idx on customers (lower(email));

create table products (
    id          bigserial primary key,
    sku         varchar(32)   not null unique,
    name        varchar(200)  not null,
    price       numeric(12,2) not null check (price >= 0),
    stock       integer       not null check (stock >= 0)
);

create table orders (
    id              bigserial primary key,
    customer_id     bigint      not null references customers (id),
    status          varchar(16) not null default 'PLACED' check (status in ('PLACED', 'PAID', 'SHIPPED', 'CANCELLED')),
    placed_at       timestamptz not null default now(),
    idempotency_key uuid unique
);
create index orders_customer_idx on orders (customer_id);
