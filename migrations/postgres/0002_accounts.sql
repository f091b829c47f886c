-- Accounts: profile fields, sessions, single-use email tokens, counters
-- for brute-force limits, and the outbox for mail when no SMTP is set.

ALTER TABLE accounts ADD COLUMN title TEXT NOT NULL DEFAULT '';
ALTER TABLE accounts ADD COLUMN deleted_at BIGINT;
ALTER TABLE accounts ADD COLUMN password_changed_at BIGINT;

-- Only a SHA-256 of the session token is stored; the token itself lives
-- in the browser's cookie alone.
CREATE TABLE sessions (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    token_hash TEXT NOT NULL,
    account_id BIGINT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    created_at BIGINT NOT NULL,
    last_seen_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    user_agent TEXT NOT NULL DEFAULT '',
    ip TEXT NOT NULL DEFAULT ''
);
CREATE UNIQUE INDEX sessions_token_hash_key ON sessions (token_hash);
CREATE INDEX sessions_account_idx ON sessions (account_id);

-- Email verification, password reset and email change links.
CREATE TABLE email_tokens (
    token_hash TEXT PRIMARY KEY,
    account_id BIGINT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    purpose TEXT NOT NULL CHECK (purpose IN ('verify', 'reset', 'change_email')),
    new_email TEXT,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    used_at BIGINT
);
CREATE INDEX email_tokens_account_idx ON email_tokens (account_id);

-- One row per counted event (a failed sign-in, a sign-up from an IP ...);
-- limits count the rows of a kind and key within a window.
CREATE TABLE auth_events (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kind TEXT NOT NULL,
    subject TEXT NOT NULL,
    at BIGINT NOT NULL
);
CREATE INDEX auth_events_lookup_idx ON auth_events (kind, subject, at);

CREATE TABLE outbox (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    recipient TEXT NOT NULL,
    subject TEXT NOT NULL,
    body TEXT NOT NULL,
    created_at BIGINT NOT NULL
);
