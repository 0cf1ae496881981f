-- The FK-heavy benchmark schema (PostgreSQL): a shop's 17 tables in the shape real ones have, with foreign
-- keys on nearly every table (one declared on each partition, as older schemas had to), payments
-- range-partitioned by month, CHECKs, and secondary indexes of every common kind (btree on foreign keys, a
-- unique one, a partial one, composite ones, one on a partitioned table). No triggers.
-- Statuses are of both kinds real schemas use: text with a CHECK list, and enums.
create type order_status as enum ('pending', 'paid', 'shipped', 'delivered', 'cancelled');
create type carrier as enum ('dhl', 'ups', 'fedex', 'post');
create table categories (
    category_id integer primary key,
    parent_id   integer references categories (category_id),
    name        text not null,
    slug        varchar(80) not null unique
);

create table brands (
    brand_id integer primary key,
    name     text not null,
    country  char(2)
);

create table suppliers (
    supplier_id integer primary key,
    name        text not null,
    email       text,
    phone       varchar(40),
    country     char(2) not null
);

create table products (
    product_id  integer primary key,
    category_id integer not null references categories,
    brand_id    integer references brands,
    supplier_id integer not null references suppliers,
    sku         varchar(32) not null,
    name        text not null,
    price       numeric(10, 2) not null check (price > 0),
    weight_g    integer check (weight_g between 1 and 100000),
    status      text not null check (status in ('draft', 'active', 'retired')),
    created_at  timestamptz not null
);
create unique index products_sku_key on products (sku);
create index products_category_idx on products (category_id);
create index products_brand_idx on products (brand_id);
create index products_supplier_idx on products (supplier_id);
create index products_active_price_idx on products (price) where status = 'active';

create table warehouses (
    warehouse_id smallint primary key,
    name         text not null,
    city         text not null,
    country      char(2) not null
);

create table inventory (
    warehouse_id smallint not null references warehouses on delete cascade,
    product_id   integer not null references products on delete cascade,
    on_hand      integer not null check (on_hand >= 0),
    updated_at   timestamptz not null,
    primary key (warehouse_id, product_id)
);
create index inventory_product_idx on inventory (product_id);

create table customers (
    customer_id bigint primary key,
    email       text not null unique,
    full_name   text,
    phone       varchar(40),
    birth_date  date,
    created_at  timestamptz not null,
    tier        text not null check (tier in ('basic', 'silver', 'gold'))
);
create index customers_created_idx on customers (created_at);
create index customers_name_idx on customers (full_name);

create table addresses (
    address_id  bigint primary key,
    customer_id bigint not null references customers on delete cascade,
    street      text not null,
    city        text not null,
    postcode    varchar(12),
    country     char(2) not null
);
create index addresses_customer_idx on addresses (customer_id);
create index addresses_country_city_idx on addresses (country, city);

create table coupons (
    coupon_id    integer primary key,
    code         varchar(24) not null unique,
    percent_off  smallint not null check (percent_off between 1 and 90),
    valid_until  date not null
);

create table orders (
    order_id            bigint primary key,
    customer_id         bigint not null references customers,
    shipping_address_id bigint not null references addresses,
    billing_address_id  bigint references addresses,
    coupon_id           integer references coupons on delete set null,
    status              order_status not null,
    placed_at           timestamptz not null,
    total               numeric(12, 2) not null check (total >= 0),
    currency            char(3) not null
);
create index orders_customer_idx on orders (customer_id);
create index orders_shipping_address_idx on orders (shipping_address_id);
create index orders_coupon_idx on orders (coupon_id);
create index orders_customer_placed_idx on orders (customer_id, placed_at desc);
create index orders_pending_idx on orders (placed_at) where status = 'pending';

create table order_lines (
    order_id   bigint not null references orders on delete cascade,
    line_no    smallint not null,
    product_id integer not null references products,
    quantity   smallint not null check (quantity between 1 and 50),
    unit_price numeric(10, 2) not null check (unit_price > 0),
    primary key (order_id, line_no)
);
create index order_lines_product_idx on order_lines (product_id);

create table payment_methods (
    method_id smallint primary key,
    name      text not null unique
);

create table payments (
    payment_id bigint not null,
    order_id   bigint not null references orders,
    method_id  smallint not null,
    amount     numeric(12, 2) not null check (amount > 0),
    paid_at    timestamptz not null,
    reference  uuid not null,
    primary key (payment_id, paid_at)
) partition by range (paid_at);
create table payments_2024_01 partition of payments for values from ('2024-01-01 00:00:00+00') to ('2024-02-01 00:00:00+00');
create table payments_2024_02 partition of payments for values from ('2024-02-01 00:00:00+00') to ('2024-03-01 00:00:00+00');
create table payments_2024_03 partition of payments for values from ('2024-03-01 00:00:00+00') to ('2024-04-01 00:00:00+00');
create table payments_2024_04 partition of payments for values from ('2024-04-01 00:00:00+00') to ('2024-05-01 00:00:00+00');
create table payments_2024_05 partition of payments for values from ('2024-05-01 00:00:00+00') to ('2024-06-01 00:00:00+00');
create table payments_2024_06 partition of payments for values from ('2024-06-01 00:00:00+00') to ('2024-07-01 00:00:00+00');
-- the payment method's key is declared on each partition, as schemas from before PostgreSQL 11 have it
alter table payments_2024_01 add constraint payments_2024_01_method_fk foreign key (method_id) references payment_methods;
alter table payments_2024_02 add constraint payments_2024_02_method_fk foreign key (method_id) references payment_methods;
alter table payments_2024_03 add constraint payments_2024_03_method_fk foreign key (method_id) references payment_methods;
alter table payments_2024_04 add constraint payments_2024_04_method_fk foreign key (method_id) references payment_methods;
alter table payments_2024_05 add constraint payments_2024_05_method_fk foreign key (method_id) references payment_methods;
alter table payments_2024_06 add constraint payments_2024_06_method_fk foreign key (method_id) references payment_methods;
create index payments_order_idx on payments (order_id);
create index payments_order_paid_idx on payments (order_id, paid_at);
create index payments_2024_06_reference_idx on payments_2024_06 (reference);

create table shipments (
    shipment_id  bigint primary key,
    order_id     bigint not null references orders,
    warehouse_id smallint not null references warehouses,
    carrier      carrier not null,
    shipped_at   timestamptz not null,
    tracking     varchar(40)
);
create index shipments_order_idx on shipments (order_id);
create index shipments_warehouse_idx on shipments (warehouse_id, shipped_at);

create table reviews (
    review_id   bigint primary key,
    product_id  integer not null references products on delete cascade,
    customer_id bigint not null references customers on delete cascade,
    rating      smallint not null check (rating between 1 and 5),
    title       text,
    body        text,
    created_at  timestamptz not null
);
create index reviews_product_idx on reviews (product_id);
create index reviews_customer_idx on reviews (customer_id);

create table returns (
    return_id  bigint primary key,
    order_id   bigint not null,
    line_no    smallint not null,
    reason     text not null,
    created_at timestamptz not null,
    foreign key (order_id, line_no) references order_lines (order_id, line_no) deferrable initially deferred
);
create index returns_order_line_idx on returns (order_id, line_no);
