-- A schema whose state a warm start must give back exactly: rows, a serial's sequence, a sequence of its own
-- advanced by the script, an index, a view, a comment, and planner statistics after the load.
create sequence invoice_numbers start 1000;
select nextval('invoice_numbers'), nextval('invoice_numbers');
create table accounts (
    id         serial primary key,
    email      varchar(120) not null unique,
    country    char(2) not null,
    opened_at  timestamptz not null
);
create table invoices (
    id          bigint primary key,
    account_id  integer not null references accounts (id),
    amount      numeric(10,2) not null check (amount >= 0),
    number      bigint not null default nextval('invoice_numbers')
);
create index invoices_by_account on invoices (account_id);
create view big_invoices as select * from invoices where amount > 500;
comment on table accounts is 'who pays';
