-- saved by an old editor in Latin-1
create table cafes (name text);
insert into cafes values ('café');
