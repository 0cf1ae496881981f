create table customers (id int primary key, email text not null);
insert into customers select n, 'customer' || n || '@example.com' from generate_series(1, 1000) n;
