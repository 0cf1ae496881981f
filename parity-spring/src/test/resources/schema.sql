create table greetings (id bigint generated always as identity primary key, text varchar(100) not null);
insert into greetings (text) values ('hello'), ('servus');
