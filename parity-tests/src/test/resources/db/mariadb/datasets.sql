-- A schema with many constraint kinds, for dev.parity.data tests on MariaDB: CHECKs, ENUM and SET,
-- unsigned and small integer types, AUTO_INCREMENT, utf8mb4 text (emoji) beside a latin1 column, JSON,
-- BIT, YEAR, TIMESTAMP and DATETIME(6), a generated column, self- and composite foreign keys.
create table customers (
    id           bigint unsigned auto_increment primary key,
    email        varchar(120) not null unique,
    full_name    text,
    first_name   varchar(20),
    phone        varchar(40),
    city         varchar(100),
    country      char(2) not null,
    birth_date   date,
    created_at   timestamp not null default current_timestamp,
    balance      decimal(12,2) check (balance between -5000 and 1000000),
    status       varchar(10) not null check (status in ('new', 'active', 'closed')),
    rating       int check (rating > 0 and rating <= 5),
    code         varchar(8) check (char_length(code) >= 3),
    mood         enum('sad', 'ok', 'happy'),
    tags         set('vip', 'newsletter', 'beta'),
    profile      json,
    notes        text,
    legacy_name  varchar(40) character set latin1,
    flagged      tinyint(1) not null default 0,
    visits       smallint unsigned,
    flags        bit(4),
    first_year   year,
    last_seen    datetime(6),
    token        uuid unique,
    email_domain varchar(120) as (substring_index(email, '@', -1)) virtual
) default character set utf8mb4;

create table employees (
    id          int auto_increment primary key,
    name        varchar(100) not null,
    manager_id  int,
    hired_on    date not null,
    left_on     date,
    foreign key (manager_id) references employees (id),
    check (left_on is null or left_on > hired_on)
);

create table orders (
    id          bigint primary key,
    customer_id bigint unsigned not null,
    seller_id   int,
    placed_at   datetime not null,
    total       decimal(10,2) not null check (total >= 0),
    quantity    tinyint unsigned not null check (quantity between 1 and 99),
    currency    char(3) not null default 'EUR',
    foreign key (customer_id) references customers (id),
    foreign key (seller_id) references employees (id)
);

create table order_lines (
    order_id    bigint not null,
    line_no     int not null,
    product     varchar(60) not null,
    price       decimal(8,2) not null check (price > 0),
    primary key (order_id, line_no),
    foreign key (order_id) references orders (id)
);

create table shipments (
    id          int auto_increment primary key,
    order_id    bigint not null,
    line_no     int not null,
    carrier     varchar(40),
    foreign key (order_id, line_no) references order_lines (order_id, line_no)
);

create table follows (
    follower_id bigint unsigned not null,
    followed_id bigint unsigned not null,
    since       date,
    primary key (follower_id, followed_id),
    foreign key (follower_id) references customers (id),
    foreign key (followed_id) references customers (id)
);

create table measurements (
    id          bigint primary key,
    amount      decimal(18,4),
    label       text
);
