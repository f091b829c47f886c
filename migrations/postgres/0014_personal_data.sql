-- What happened to an account's security (sign-ins, lockouts, two-step
-- and password changes), kept for its owner's own data download and
-- erased with the account.
CREATE TABLE security_events (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    account_id BIGINT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    at BIGINT NOT NULL,
    ip TEXT NOT NULL DEFAULT ''
);
CREATE INDEX security_events_account_idx ON security_events (account_id, id);
