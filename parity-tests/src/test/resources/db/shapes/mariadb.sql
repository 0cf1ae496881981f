-- Shapes real schemas have that Parity fills with row counts only (ProductionShapesTest): each table one kind of it.

create table artist (
    id          bigint primary key,
    name        varchar(200) not null check (name regexp '^[^[:space:]](.*[^[:space:]])?$'),
    kind        varchar(10) check (upper(kind) in ('PERSON', 'GROUP', 'ORCHESTRA')),
    born_on     date check (born_on between '1900-01-01' and '2015-12-31'),
    end_year    smallint,
    end_month   smallint check (end_month between 1 and 12),
    end_day     smallint check (end_day between 1 and 31),
    ended       boolean not null,
    check (ended or (end_year is null and end_month is null and end_day is null))
);

-- a NOT NULL foreign-key cycle: a store has a manager, a staff member works in a store
create table store (
    id          int primary key,
    manager_id  int not null,
    city        varchar(100) not null
);
create table staff (
    id          int primary key,
    store_id    int not null,
    name        varchar(100) not null,
    foreign key (store_id) references store (id)
);
alter table store add foreign key (manager_id) references staff (id);

-- a composite key of a foreign key and an enum
create table grant_entry (
    entity_id   bigint not null,
    permission  enum ('read', 'write', 'delete', 'share', 'admin', 'audit', 'own') not null,
    granted_at  datetime not null,
    primary key (entity_id, permission),
    foreign key (entity_id) references artist (id)
);

-- a discriminated union: which of the targets is set depends on the kind
create table moderation (
    id          bigint auto_increment primary key,
    kind        enum ('ban', 'feature', 'purge') not null,
    artist_id   bigint,
    store_id    int,
    staff_id    int,
    foreign key (artist_id) references artist (id),
    foreign key (store_id) references store (id),
    foreign key (staff_id) references staff (id),
    check ((kind = 'ban' and artist_id is not null and staff_id is not null and store_id is null)
        or (kind = 'feature' and (artist_id is not null) + (store_id is not null) + (staff_id is not null) = 1)
        or (kind = 'purge' and artist_id is null and store_id is null and staff_id is null))
);
