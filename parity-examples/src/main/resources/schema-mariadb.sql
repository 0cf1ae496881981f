-- The order service's schema (MariaDB 10.11): the tables and constraints of schema.sql in MariaDB's types.
-- Text compares byte for byte, as PostgreSQL compares it (no trailing-space padding either), unless a
-- column says otherwise: e-mails and SKUs are unique exactly as they are written.
create table customers (
    id          bigint       not null auto_increment primary key,
    email       varchar(320) not null,
    -- the support dashboard finds customers by e-mail whatever its case: MariaDB indexes an expression
    -- through a generated column, which the lookup names
    email_lower varchar(320) as (lower(email)) virtual,
    -- searched ignoring case and accents ("jose muller" finds "José Müller"); unlike the server's default
    -- utf8mb4_general_ci, this collation also tells one emoji from another
    full_name   varchar(200) collate utf8mb4_uca1400_ai_ci,   -- legacy rows have none
    country     char(2)      not null,
    created_at  timestamp(6) not null default current_timestamp(6),   -- an instant, as timestamptz
    constraint customers_email_key unique (email),
    index customers_email_lower_idx (email_lower)
) default charset = utf8mb4 collate = utf8mb4_nopad_bin;

create table products (
    id    bigint        not null auto_increment primary key,
    sku   varchar(32)   not null,
    name  varchar(200)  not null,
    price decimal(12,2) not null,
    stock int           not null,
    constraint products_sku_key unique (sku),
    constraint products_price_check check (price >= 0),
    constraint products_stock_check check (stock >= 0)
) default charset = utf8mb4 collate = utf8mb4_nopad_bin;

create table orders (
    id              bigint       not null auto_increment primary key,
    customer_id     bigint       not null,
    status          varchar(16)  not null default 'PLACED',
    placed_at       timestamp(6) not null default current_timestamp(6),
    idempotency_key uuid,                   -- a retried request places its order once
    constraint orders_customer_id_fkey foreign key (customer_id) references customers (id),
    constraint orders_status_check check (status in ('PLACED', 'PAID', 'SHIPPED', 'CANCELLED')),
    constraint orders_idempotency_key_key unique (idempotency_key),
    index orders_customer_idx (customer_id)
) default charset = utf8mb4 collate = utf8mb4_nopad_bin;

create table order_items (
    order_id   bigint        not null,
    product_id bigint        not null,
    quantity   int           not null,
    unit_price decimal(12,2) not null,
    primary key (order_id, product_id),
    constraint order_items_order_id_fkey foreign key (order_id) references orders (id) on delete cascade,
    constraint order_items_product_id_fkey foreign key (product_id) references products (id),
    constraint order_items_quantity_check check (quantity > 0)
) default charset = utf8mb4 collate = utf8mb4_nopad_bin;

-- store credit (refunds, gift cards), which customers may pass on to each other
create table accounts (
    id          bigint        not null auto_increment primary key,
    customer_id bigint        not null,
    balance     decimal(12,2) not null,
    constraint accounts_customer_id_fkey foreign key (customer_id) references customers (id),
    constraint accounts_balance_check check (balance >= 0)
) default charset = utf8mb4 collate = utf8mb4_nopad_bin;
