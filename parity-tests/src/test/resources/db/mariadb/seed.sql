insert into customer (name, email) values ('  Ada Lovelace ', 'ada@example.com'); -- the trigger trims
insert into customer (name, email) values ('O''Brien; Ltd', 'obrien@example.com'); -- a quote and a semicolon
