-- ${schema_owner} is a Flyway placeholder, given by the profile
create table settings (name varchar(100) primary key, value varchar(200) not null);
insert into settings (name, value) values ('schema_owner', '${schema_owner}');
