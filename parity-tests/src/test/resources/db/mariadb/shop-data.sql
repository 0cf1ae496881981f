create table customers (
    id         bigint primary key,
    email      varchar(120) not null unique,
    full_name  text,
    country    char(2) not null,
    created_at timestamp not null
);
create table orders (
    id          bigint primary key,
    customer_id bigint not null,
    amount      decimal(10,2) not null check (amount >= 0),
    foreign key (customer_id) references customers (id)
);
