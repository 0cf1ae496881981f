-- The benchmark's table on MariaDB: people.sql's ten columns in MariaDB's types
-- (timestamptz is TIMESTAMP, an instant read and written in the session's zone; numeric is DECIMAL).
create table people (
    id         bigint primary key,
    full_name  text,
    email      text,
    phone      text,
    city       text,
    country    char(2),
    birth_date date,
    created_at timestamp null,
    balance    decimal(12,2),
    notes      text
) engine = InnoDB default charset = utf8mb4;
