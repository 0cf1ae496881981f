create table orders (
    id          bigint auto_increment primary key,
    customer_id bigint not null references customers (id),
    total       decimal(12, 2) not null check (total >= 0)
);
