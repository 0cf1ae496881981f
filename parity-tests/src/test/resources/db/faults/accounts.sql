-- The tables ServerFaultsContract faults: plain SQL both engines read.
create table accounts (id int primary key, balance int not null);
create table audit (id int primary key, note varchar(100));
