-- The MariaDB twin of schema.sql: rows, an auto_increment, a sequence advanced by the script, indexes, a view,
-- a comment, and InnoDB's statistics after the load.
create sequence invoice_numbers start with 1000;
select nextval(invoice_numbers), nextval(invoice_numbers);
create table accounts (
    id         integer auto_increment primary key,
    email      varchar(120) not null unique,
    country    char(2) not null,
    opened_at  datetime(6) not null
) comment 'who pays';
create table invoices (
    id          bigint primary key,
    account_id  integer not null,
    amount      decimal(10,2) not null check (amount >= 0),
    number      bigint not null default nextval(invoice_numbers),
    foreign key (account_id) references accounts (id)
);
create index invoices_by_amount on invoices (amount);
create view big_invoices as select * from invoices where amount > 500;
