create table accounts (
    id         integer auto_increment primary key,
    email      varchar(120) not null unique,
    country    char(2) not null
);
