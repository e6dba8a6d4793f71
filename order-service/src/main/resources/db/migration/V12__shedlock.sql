-- ShedLock's table (docs/adr/0021): one instance at a time runs the scan for timed events. The lock saves
-- work only; each timed event's own row in order_timed_event makes it exactly-once.
CREATE TABLE shedlock (
    name       varchar(64)  PRIMARY KEY,
    lock_until timestamptz  NOT NULL,
    locked_at  timestamptz  NOT NULL,
    locked_by  varchar(255) NOT NULL
);
