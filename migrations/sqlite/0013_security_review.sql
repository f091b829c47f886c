-- What the security review (issue #12) changed in the schema.

-- Entries about one dialogue carry its key, so its record holds exactly
-- those and never matches by text.
ALTER TABLE network_audit ADD COLUMN dialogue_id INTEGER REFERENCES dialogues (id);
CREATE INDEX network_audit_dialogue_idx ON network_audit (dialogue_id, id);

-- Each member organisation has its own calendar-feed secret, so leaving
-- the network revokes it. The old network-wide secrets end here.
CREATE TABLE network_feeds (
    network_id INTEGER NOT NULL REFERENCES networks (id) ON DELETE CASCADE,
    organisation_id INTEGER NOT NULL REFERENCES organisations (id),
    token TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    PRIMARY KEY (network_id, organisation_id)
);
CREATE UNIQUE INDEX network_feeds_token_key ON network_feeds (token);
DROP INDEX networks_feed_token_key;
ALTER TABLE networks DROP COLUMN feed_token;

-- Decisions on an organisation's people: approvals, admins made and
-- demoted, removals. The person concerned is named by account, never by
-- name, so deleting an account leaves no name here.
CREATE TABLE organisation_audit (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    organisation_id INTEGER NOT NULL REFERENCES organisations (id),
    at INTEGER NOT NULL,
    actor_account_id INTEGER REFERENCES accounts (id),
    action TEXT NOT NULL,
    subject_account_id INTEGER REFERENCES accounts (id)
);
CREATE INDEX organisation_audit_organisation_idx ON organisation_audit (organisation_id, id);

-- A refused form's values wait here for the page to show them once, under
-- the hash of a random key that the redirect carries; never in the URL.
CREATE TABLE form_feedback (
    key_hash TEXT PRIMARY KEY,
    session_hash TEXT,
    error TEXT NOT NULL,
    created_at INTEGER NOT NULL
);
CREATE INDEX form_feedback_created_idx ON form_feedback (created_at);
