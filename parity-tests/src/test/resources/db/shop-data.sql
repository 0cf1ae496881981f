create table customers (
    id         bigint primary key,
    email      varchar(120) not null unique,
    full_name  text,
    country    char(2) not null,
    created_at timestamptz not null
);
create table orders (
    id          bigint primary key,
    customer_id bigint not null references customers (id),
    amount      numeric(10,2) not null check (amount >= 0)
);
