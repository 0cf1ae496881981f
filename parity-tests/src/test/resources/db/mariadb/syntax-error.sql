create table product (id bigint primary key);

DELIMITER //
create procedure add_product(in product_id bigint)
begin
    insert into product (id) values (product_id);
    selectt 1;
end //
DELIMITER ;
