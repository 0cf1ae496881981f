-- a psql script: a variable, a file copied in from beside it, an include in another encoding
\set owner 'app'

create table psql_products (
    sku   text primary key,
    name  text not null,
    price numeric(10, 2) not null
);

create table psql_settings (name text primary key, value text not null);
insert into psql_settings values ('owner', :'owner');

\copy psql_products from 'products.tsv'

\ir latin1/names.sql
