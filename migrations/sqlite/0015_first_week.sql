-- A civil servant's first week (#14).

-- A form sent after its session ended waits for the same person to sign
-- in again (in the same browser: a cookie holds the key), for the page it
-- came from and the server function it was sent to.
ALTER TABLE form_feedback ADD COLUMN account_id INTEGER REFERENCES accounts (id) ON DELETE CASCADE;
ALTER TABLE form_feedback ADD COLUMN page TEXT;
ALTER TABLE form_feedback ADD COLUMN action TEXT;

-- The overview's "since your last visit": the visit before this one, and
-- this one (a reload within the hour is the same visit).
ALTER TABLE accounts ADD COLUMN overview_seen_at INTEGER;
ALTER TABLE accounts ADD COLUMN overview_previous_at INTEGER;
