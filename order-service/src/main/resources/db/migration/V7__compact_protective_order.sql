-- DROP COLUMN and UPDATE leave the old clear values in dead tuples until the table is rewritten:
-- rewrite it now (instant on an empty or small table; Flyway runs VACUUM outside a transaction).
-- Backups and WAL archives taken before V5 still hold clear data: see docs/adr/0009.
VACUUM FULL protective_order;
