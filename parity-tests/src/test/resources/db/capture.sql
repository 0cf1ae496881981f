-- The capture suite's table: production's, whose shapes the capture reads from pg_stats and the datasets reproduce.
create table orders (
    id         bigint primary key,
    status     text not null,
    coupon     varchar(12),
    amount     numeric(12,2) not null,
    email      varchar(80) not null,
    placed_on  date not null,
    quantity   int,
    birth_date date
);
