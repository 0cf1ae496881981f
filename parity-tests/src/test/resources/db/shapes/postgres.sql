-- Shapes real schemas have that Parity fills with row counts only (ProductionShapesTest): each table one kind of it.

-- a CHECK that is a boolean combination over four columns, and CHECKs calling a function of the schema's own
create function controlled_for_whitespace(text) returns boolean language sql immutable strict
    as $$ select $1 !~ '(^\s|\s$|\s\s)' $$;

create table artist (
    id          bigint primary key,
    name        varchar(200) not null check (controlled_for_whitespace(name)),
    sort_name   varchar(200) check (controlled_for_whitespace(sort_name)),
    kind        varchar(10) check (upper(kind) in ('PERSON', 'GROUP', 'ORCHESTRA')),
    born_on     date check (born_on between '1900-01-01' and now() - interval '10 years'),
    end_year    smallint,
    end_month   smallint check (end_month between 1 and 12),
    end_day     smallint check (end_day between 1 and 31),
    ended       boolean not null,
    check ((ended = true) or (end_year is null and end_month is null and end_day is null))
);

-- a NOT NULL foreign-key cycle: a store has a manager, a staff member works in a store
create table store (
    id          int primary key,
    manager_id  int not null,
    city        text not null
);
create table staff (
    id          int primary key,
    store_id    int not null references store (id),
    name        text not null
);
alter table store add foreign key (manager_id) references staff (id);

-- a composite key of a foreign key and an enum
create type permission as enum ('read', 'write', 'delete', 'share', 'admin', 'audit', 'own');
create table grant_entry (
    entity_id   bigint not null references artist (id),
    permission  permission not null,
    granted_at  timestamptz not null,
    primary key (entity_id, permission)
);

-- a discriminated union: which of the targets is set depends on the kind
create type event_kind as enum ('ban', 'feature', 'purge');
create table moderation (
    id          bigserial primary key,
    kind        event_kind not null,
    artist_id   bigint references artist (id),
    store_id    int references store (id),
    staff_id    int references staff (id),
    check ((kind = 'ban' and num_nonnulls(artist_id, staff_id) = 2 and store_id is null)
        or (kind = 'feature' and num_nonnulls(artist_id, store_id, staff_id) = 1)
        or (kind = 'purge' and num_nonnulls(artist_id, store_id, staff_id) = 0))
);

-- a count the schema's triggers keep: inserting a staff member counts it in its store
alter table store add column staff_count int not null default 0;
create function count_staff() returns trigger language plpgsql as $$
begin
    update store set staff_count = staff_count + 1 where id = new.store_id;
    return new;
end $$;
create trigger staff_counted after insert on staff for each row execute function count_staff();
