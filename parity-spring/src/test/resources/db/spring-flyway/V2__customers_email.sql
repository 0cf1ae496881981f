-- waits for every older transaction: with Flyway's transactional lock on, for ever (bounded by parity.lockWait)
create index concurrently customers_email on customers (email);
