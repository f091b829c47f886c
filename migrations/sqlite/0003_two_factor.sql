-- Optional two-factor sign-in: a TOTP secret per account, single-use
-- recovery codes, and the short-lived challenge between password and code.

ALTER TABLE accounts ADD COLUMN totp_secret TEXT;
ALTER TABLE accounts ADD COLUMN totp_pending_secret TEXT;
ALTER TABLE accounts ADD COLUMN totp_last_step INTEGER;

-- Codes are kept in plain text only while set-up is pending, to show
-- them once; confirming keeps just their hashes.
CREATE TABLE recovery_codes (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    account_id INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    code_hash TEXT NOT NULL,
    pending_code TEXT,
    used_at INTEGER
);
CREATE INDEX recovery_codes_account_idx ON recovery_codes (account_id);

CREATE TABLE mfa_challenges (
    token_hash TEXT PRIMARY KEY,
    account_id INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    expires_at INTEGER NOT NULL
);
