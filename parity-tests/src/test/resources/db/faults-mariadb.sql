create table accounts (id int primary key, owner varchar(100) not null, balance int not null);
insert into accounts values (1, 'Ada', 100), (2, 'Grace', 100);
create table audit_log (id int auto_increment primary key, note varchar(200));
