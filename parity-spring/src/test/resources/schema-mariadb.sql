create table greetings (id bigint auto_increment primary key, text varchar(100) not null);
insert into greetings (text) values ('hello'), ('servus');
