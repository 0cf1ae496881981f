create table orders (
    id          bigserial primary key,
    customer_id bigint not null references customers (id),
    total       numeric(12, 2) not null check (total >= 0)
);
