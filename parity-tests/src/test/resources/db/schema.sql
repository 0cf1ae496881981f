-- the schema Parity's own integration tests run against
create table customer (
    id    bigserial primary key,
    name  text not null,
    email text unique
);

/* a function body with semicolons inside dollar quotes */
create function customer_count() returns bigint language plpgsql as $$
begin
    return (select count(*) from customer);
end;
$$;
