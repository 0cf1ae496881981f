insert into customer (name, email) values ('Ada Lovelace', 'ada@example.com');
insert into customer (name, email) values ('O''Brien; Ltd', 'obrien@example.com'); -- a quote and a semicolon
