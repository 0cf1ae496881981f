-- The capture suite's table on MariaDB: its shapes come from information_schema and mysql.column_stats.
create table orders (
    id         bigint primary key,
    status     varchar(12) not null,
    coupon     varchar(12),
    amount     decimal(12,2) not null,
    email      varchar(80) not null,
    placed_on  date not null,
    quantity   int
);
