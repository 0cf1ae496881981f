-- ${schema_owner} is a Flyway placeholder, given by the profile
create table settings (name text primary key, value text not null);
insert into settings (name, value) values ('schema_owner', '${schema_owner}');
