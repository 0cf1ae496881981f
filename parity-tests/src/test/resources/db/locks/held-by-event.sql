-- An event (the event scheduler's own session) opens a transaction that reads orders and sleeps in it, holding
-- the table's metadata lock; this session's ALTER TABLE then waits for it (lock_wait_timeout allows a day).
create table orders (id int primary key) engine = InnoDB;
set global event_scheduler = on;
DELIMITER //
create event hold_orders on schedule at current_timestamp do
begin
  start transaction;
  select count(*) into @seen from orders;
  do sleep(300);
  commit;
end //
begin not atomic
  declare tries int default 0;
  while tries < 100 and not exists (select 1 from information_schema.processlist where info like 'do sleep(300)%') do
    do sleep(0.1);
    set tries = tries + 1;
  end while;
end //
DELIMITER ;
alter table orders add column total decimal(10, 2);
