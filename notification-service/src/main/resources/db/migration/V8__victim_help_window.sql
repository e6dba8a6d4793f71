-- A victim's HELP reaches the police at most once per order per qorgau.notification.replies.limits.help-notice-every
-- (docs/adr/0036): when the order's last HELP notice was recorded, and how many presses were only recorded since.
-- The row is locked by each HELP's transaction, so every instance agrees; no personal data.
CREATE TABLE victim_help_window (
    order_id    uuid        PRIMARY KEY,
    notified_at timestamptz,
    repeats     integer     NOT NULL DEFAULT 0
);
