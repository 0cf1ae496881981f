-- The benchmark's table: ten columns of the kinds most tables have.
create table people (
    id         bigint primary key,
    full_name  text,
    email      text,
    phone      text,
    city       text,
    country    char(2),
    birth_date date,
    created_at timestamptz,
    balance    numeric(12,2),
    notes      text
);
