-- Partitioned tables: payments by month (range) with their foreign keys, unique indexes and CHECKs declared on
-- each partition only, as older schemas had to; events by region (list); sessions by hash.
create table customer (
    customer_id serial primary key,
    email       text not null unique,
    region      text not null check (region in ('eu', 'us', 'apac'))
);

create table payment (
    payment_id  bigserial,
    customer_id integer not null,
    amount      numeric(7, 2) not null,
    paid_at     timestamptz not null
) partition by range (paid_at);
create table payment_2024_01 partition of payment for values from ('2024-01-01 00:00:00+00') to ('2024-02-01 00:00:00+00');
create table payment_2024_02 partition of payment for values from ('2024-02-01 00:00:00+00') to ('2024-03-01 00:00:00+00');
create table payment_2024_03 partition of payment for values from ('2024-03-01 00:00:00+00') to ('2024-04-01 00:00:00+00');
alter table payment_2024_01 add primary key (payment_id), add foreign key (customer_id) references customer, add check (amount >= 0);
alter table payment_2024_02 add primary key (payment_id), add foreign key (customer_id) references customer, add check (amount >= 0);
alter table payment_2024_03 add primary key (payment_id), add foreign key (customer_id) references customer, add check (amount >= 0);

create table region_event (
    event_id    bigint generated always as identity,
    region      text not null,
    customer_id integer references customer,
    happened_on date not null,
    primary key (event_id, region)
) partition by list (region);
create table region_event_eu partition of region_event for values in ('eu');
create table region_event_us partition of region_event for values in ('us', 'ca');

create table visit (
    visit_id    uuid not null,
    customer_id integer not null references customer,
    day         date not null,
    primary key (visit_id, day)
) partition by range (day);
create table visit_2023 partition of visit for values from ('2023-01-01') to ('2024-01-01') partition by hash (visit_id);
create table visit_2023_h0 partition of visit_2023 for values with (modulus 2, remainder 0);
create table visit_2023_h1 partition of visit_2023 for values with (modulus 2, remainder 1);
create table visit_2024 partition of visit for values from ('2024-01-01') to ('2025-01-01');

create table web_session (
    session_id  bigint not null,
    customer_id integer references customer,
    started_at  timestamp not null,
    primary key (session_id)
) partition by hash (session_id);
create table web_session_0 partition of web_session for values with (modulus 3, remainder 0);
create table web_session_1 partition of web_session for values with (modulus 3, remainder 1);
create table web_session_2 partition of web_session for values with (modulus 3, remainder 2);

-- Range partitions by the primary key itself: its unique values must land in a partition too.
create table audit_log (
    log_id  bigint primary key,
    message text
) partition by range (log_id);
create table audit_log_low partition of audit_log for values from (1) to (2000);
create table audit_log_high partition of audit_log for values from (100000) to (200000);
