-- the same three migrations as one psql script, which psql runs (\ir finds them beside it)
\ir postgres/V1__customers.sql
\ir postgres/V2__orders.sql
\ir postgres/V3__settings.sql
