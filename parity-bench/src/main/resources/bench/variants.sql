-- The data-variant benchmark's schema (VariantSuiteBenchmark): customers and their orders, on both engines.
create table customers (
    id bigint primary key,
    name varchar(100) not null,
    email varchar(200),
    created_at timestamp not null
);
create table orders (
    id bigint primary key,
    customer_id bigint not null,
    total numeric(10, 2) not null,
    placed_at timestamp not null,
    foreign key (customer_id) references customers (id)
);
