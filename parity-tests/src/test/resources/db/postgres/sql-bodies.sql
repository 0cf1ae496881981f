-- Statements whose semicolons psql does not end them at, run over JDBC as psql splits them

create table orders (id int primary key, total numeric(10, 2) not null, status text not null default 'placed');
create table order_log (order_id int not null, event text not null);

-- SQL-standard bodies: psql reads BEGIN ATOMIC ... END whole, a CASE inside it ending with its own END
CREATE FUNCTION order_size(total numeric) RETURNS text
    LANGUAGE sql IMMUTABLE
BEGIN ATOMIC
    SELECT CASE WHEN total >= 100 THEN 'big'
                WHEN total > 0 THEN CASE WHEN total < 1 THEN 'tiny;' ELSE 'small' END
                ELSE 'free' END;
END;

create or replace procedure place_order(order_id int, order_total numeric)
language sql
begin atomic
    insert into orders (id, total) values (order_id, order_total);
    insert into order_log values (order_id, 'placed; by a procedure');
end;

-- a rule with two actions: psql ends no statement inside parentheses
CREATE RULE log_shipped AS ON UPDATE TO orders WHERE new.status = 'shipped' DO ALSO (
    INSERT INTO order_log VALUES (new.id, 'shipped');
    INSERT INTO order_log VALUES (new.id, 'notify; ' || order_size(new.total));
);

-- nested dollar quotes: $inner$ and $$ inside $outer$
create function describe(order_id int) returns text language plpgsql as $outer$
declare
    result text;
begin
    execute $inner$ select 'order ' || id || ': ' || status from orders where id = $1 $inner$ into result using order_id;
    return result || $$;$$;
end
$outer$;

/* a comment /* nested; */ that goes on; */
create view order_sizes as select id, order_size(total) as size from orders;
