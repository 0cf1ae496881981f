-- written for the mariadb client, which reads other scripts itself
create table client_made (id int);
source db/mariadb/seed.sql
