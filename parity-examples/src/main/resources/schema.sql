-- The order service's schema (PostgreSQL).
create extension if not exists unaccent;

create table customers (
    id         bigserial primary key,
    email      varchar(320) not null unique,
    full_name  varchar(200),               -- legacy rows have none
    country    char(2)      not null,
    created_at timestamptz  not null default now()
);
-- the support dashboard finds customers by e-mail whatever its case
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
    idempotency_key uuid unique             -- a retried request places its order once
);

create table order_items (
    order_id   bigint        not null references orders (id) on delete cascade,
    product_id bigint        not null references products (id),
    quantity   integer       not null check (quantity > 0),
    unit_price numeric(12,2) not null,
    primary key (order_id, product_id)
);

create index orders_customer_idx on orders (customer_id);

-- store credit (refunds, gift cards), which customers may pass on to each other
create table accounts (
    id          bigserial     primary key,
    customer_id bigint        not null references customers (id),
    balance     numeric(12,2) not null check (balance >= 0)
);
