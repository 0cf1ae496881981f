-- the schema Parity's own integration tests run against, on MariaDB
create table customer (
    id    bigint auto_increment primary key,
    name  varchar(200) not null,
    email varchar(200) unique
);

# a function and a trigger whose bodies hold semicolons: DELIMITER blocks, as the mariadb client reads them
DELIMITER //
create function customer_count() returns bigint
reads sql data
begin
    return (select count(*) from customer);
end //

create trigger customer_name_trimmed before insert on customer
for each row
begin
    set new.name = trim(new.name);
end //
DELIMITER ;
