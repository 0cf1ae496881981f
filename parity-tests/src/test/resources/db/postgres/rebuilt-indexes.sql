-- Every kind of index and foreign key the load drops and creates again (IndexRebuildIntegrationTest), and
-- some it must leave alone: a unique index a foreign key references, a clustered index.
create table accounts (
    account_id  bigint primary key,
    email       text not null,
    region      text not null,
    created_at  timestamptz not null,
    referrer_id bigint references accounts deferrable initially deferred
);
create unique index accounts_email_key on accounts (lower(email));
create index accounts_region_created_idx on accounts (region, created_at desc) with (fillfactor = 70);
create index accounts_created_idx on accounts (created_at);
-- a GIN index, built after the load's commit beside the others
create index accounts_email_words_idx on accounts using gin (to_tsvector('simple', email));
cluster accounts using accounts_created_idx;
comment on index accounts_region_created_idx is 'listing by region';

create table codes (
    code_id integer primary key,
    code    varchar(16) not null,
    label   text not null,
    constraint codes_label_key unique (label) include (code)
);
create unique index codes_code_key on codes (code);
comment on constraint codes_pkey on codes is 'a code has its id';
comment on index codes_label_key is 'labels are unique';

create table orders (
    order_id   bigint primary key,
    account_id bigint not null,
    code       varchar(16),
    status     text not null,
    placed_at  timestamptz not null,
    constraint orders_account_fk foreign key (account_id) references accounts on delete cascade,
    constraint orders_code_fk foreign key (code) references codes (code) on update cascade on delete set null
);
comment on constraint orders_account_fk on orders is 'an order has its account';
create index orders_account_idx on orders (account_id);
create index orders_open_idx on orders (placed_at) where status <> 'closed';

create table order_lines (
    order_id bigint not null references orders,
    line_no  integer not null,
    amount   numeric(10, 2) not null check (amount > 0),
    primary key (order_id, line_no)
);
create index order_lines_amount_idx on order_lines using hash (amount);

create table refunds (
    refund_id bigint constraint refunds_pkey primary key with (fillfactor = 90),
    order_id  bigint not null,
    line_no   integer not null,
    constraint refunds_line_fk foreign key (order_id, line_no) references order_lines not valid
);

create table events (
    event_id   bigint not null,
    account_id bigint not null references accounts,
    happened   timestamptz not null,
    kind       text not null,
    primary key (event_id, happened)
) partition by range (happened);
create table events_2024_h1 partition of events for values from ('2024-01-01 00:00:00+00') to ('2024-07-01 00:00:00+00');
create table events_2024_h2 partition of events for values from ('2024-07-01 00:00:00+00') to ('2025-01-01 00:00:00+00')
    partition by range (happened);
create table events_2024_q3 partition of events_2024_h2 for values from ('2024-07-01 00:00:00+00') to ('2024-10-01 00:00:00+00');
create table events_2024_q4 partition of events_2024_h2 for values from ('2024-10-01 00:00:00+00') to ('2025-01-01 00:00:00+00');
create index events_account_idx on events (account_id, happened);
create index events_2024_h1_kind_idx on events_2024_h1 (kind);
alter table events_2024_h1 add constraint events_2024_h1_account_fk foreign key (account_id) references accounts on delete cascade;

-- a cycle closed by a nullable foreign key: a second pass finds teams again by key, which stays
create table teams (
    team_id    bigint primary key,
    captain_id bigint
);
create table players (
    player_id bigint primary key,
    team_id   bigint not null references teams
);
alter table teams add constraint teams_captain_fk foreign key (captain_id) references players;

-- not loaded: its foreign key to a loaded table is dropped with that table's key and added again
create table notes (
    note_id    bigint primary key,
    account_id bigint constraint notes_account_fk references accounts
);
