-- an init script: runs after the migrations, on the tables they made
insert into settings (name, value) values ('init', 'after the migrations');
