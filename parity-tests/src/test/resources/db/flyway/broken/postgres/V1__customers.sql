create table customers (
    id        bigserial primary key,
    email     text not null unique,
    full_name text
);
