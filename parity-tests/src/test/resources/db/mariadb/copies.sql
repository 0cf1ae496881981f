-- What a MariaDB copy must carry (MariaDbCopyTest): InnoDB tables copied by their tablespace files, with a foreign
-- key, auto-increment counters past the rows and a stored generated column; a FULLTEXT table and a MyISAM table,
-- copied by their rows; a view and a trigger replayed.
create table accounts (
    id      integer auto_increment primary key,
    email   varchar(120) not null unique,
    balance decimal(12,2) not null default 0,
    upper_email varchar(120) as (upper(email)) stored
);
create table payments (
    id         bigint auto_increment primary key,
    account_id integer not null,
    amount     decimal(10,2) not null check (amount >= 0),
    constraint payments_account foreign key (account_id) references accounts (id)
);
create table notes (
    id   integer auto_increment primary key,
    body text not null,
    fulltext key notes_body (body)
);
create table legacy_log (id integer primary key, line varchar(200)) engine = MyISAM;
create view big_payments as select * from payments where amount > 50;
insert into accounts (email, balance) select concat('user', seq, '@example.com'), seq from seq_1_to_2000;
insert into payments (account_id, amount) select 1 + seq % 2000, seq % 100 from seq_1_to_5000;
delete from payments where id > 4990; -- the counter stays past the rows
insert into notes (body) select concat('note number ', seq) from seq_1_to_300;
insert into legacy_log select seq, concat('line ', seq) from seq_1_to_100;
