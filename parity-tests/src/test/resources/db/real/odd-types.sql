-- Types production schemas use beyond the usual ones, and arrays of them.
create extension if not exists citext;
create extension if not exists hstore;
create type address as (street text, city varchar(40), zip char(5));
create type mood as enum ('calm', 'busy', 'stormy');

create table device (
    device_id   uuid primary key,
    handle      citext not null unique,
    ip          inet,
    network     cidr,
    mac         macaddr,
    mac8        macaddr8,
    uptime      interval,
    fee         money,
    flags       bit(8),
    mask        varbit(16),
    manifest    xml,
    labels      hstore,
    home        address,
    moods       mood[],
    ports       int4range,
    active      tstzrange,
    valid_days  daterange,
    prices      numrange,
    words       tsvector,
    query       tsquery,
    ips         inet[],
    homes       address[],
    windows     tstzrange[],
    point_at    point,
    serial_no   bigint not null
);
