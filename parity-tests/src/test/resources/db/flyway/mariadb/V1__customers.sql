create table customers (
    id        bigint auto_increment primary key,
    email     varchar(320) not null unique,
    full_name varchar(200)
);
