-- A schema with many constraint kinds, for dev.parity.data tests.
create type mood as enum ('sad', 'ok', 'happy');

create table customers (
    id          bigserial primary key,
    email       varchar(120) not null unique,
    full_name   text,
    first_name  varchar(20),
    phone       varchar(40),
    city        text,
    country     char(2) not null,
    birth_date  date,
    created_at  timestamptz not null default now(),
    balance     numeric(12,2) check (balance between -5000 and 1000000),
    status      text not null check (status in ('new', 'active', 'closed')),
    rating      int check (rating > 0 and rating <= 5),
    code        varchar(8) check (char_length(code) >= 3),
    mood        mood,
    tags        text[],
    scores      int[],
    profile     jsonb,
    notes       text,
    flagged     boolean not null default false,
    token       uuid unique
);

create table employees (
    id          int generated always as identity primary key,
    name        text not null,
    manager_id  int references employees (id),
    hired_on    date not null,
    left_on     date,
    check (left_on is null or left_on > hired_on)
);

create table orders (
    id          bigint primary key,
    customer_id bigint not null references customers (id),
    seller_id   int references employees (id),
    placed_at   timestamp not null,
    total       numeric(10,2) not null check (total >= 0),
    quantity    smallint not null check (quantity between 1 and 99),
    currency    char(3) not null default 'EUR'
);

create table order_lines (
    order_id    bigint not null references orders (id),
    line_no     int not null,
    product     varchar(60) not null,
    price       numeric(8,2) not null check (price > 0),
    primary key (order_id, line_no)
);

create table shipments (
    id          serial primary key,
    order_id    bigint not null,
    line_no     int not null,
    carrier     text,
    foreign key (order_id, line_no) references order_lines (order_id, line_no)
);

create table follows (
    follower_id bigint not null references customers (id),
    followed_id bigint not null references customers (id),
    since       date,
    primary key (follower_id, followed_id)
);

create table measurements (
    id          bigint primary key,
    amount      numeric(18,4),
    label       text
);
