-- The order desk's schema, with a morning's orders: Parity's profile runs it when the database starts.
create table products (
    id    bigint generated always as identity primary key,
    sku   varchar(20) not null unique,
    name  varchar(100) not null,
    price numeric(10, 2) not null
);
create table orders (
    id         bigint generated always as identity primary key,
    product_id bigint not null references products (id),
    quantity   int not null check (quantity > 0)
);
insert into products (sku, name, price)
select 'SKU-' || n, 'Product ' || n, 1000 + n * 11.5 from generate_series(1, 40) as n;
insert into orders (product_id, quantity)
select 1 + (n * 7) % 40, 1 + n % 3 from generate_series(1, 200) as n;
