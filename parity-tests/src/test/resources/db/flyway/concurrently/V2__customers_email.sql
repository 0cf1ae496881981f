-- Flyway sees CREATE INDEX CONCURRENTLY cannot run in a transaction and runs this migration outside one by itself,
-- as the workflow engines' migrations count on; its transactional lock keeps its own transaction open meanwhile
create index concurrently customers_email on customers (email);
