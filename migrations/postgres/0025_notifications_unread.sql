-- The header counts a person's unread notifications on every page: an
-- index of the unread ones alone keeps that count small however long the
-- read history grows.
CREATE INDEX notifications_unread_idx ON notifications (account_id) WHERE read_at IS NULL;
