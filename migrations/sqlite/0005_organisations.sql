-- Organisations and the people who act for them. `public_id` is what
-- URLs carry, so ids cannot be walked.

CREATE TABLE organisations (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    public_id TEXT NOT NULL,
    org_number TEXT NOT NULL,
    name TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('kommun', 'region', 'statlig_myndighet', 'kommunalt_bolag', 'annan_upphandlande')),
    lan_code TEXT NOT NULL,
    kommun_code TEXT,
    website TEXT NOT NULL DEFAULT '',
    verified_at INTEGER,
    verified_by INTEGER REFERENCES accounts (id),
    created_at INTEGER NOT NULL
);
CREATE UNIQUE INDEX organisations_public_id_key ON organisations (public_id);
CREATE UNIQUE INDEX organisations_org_number_key ON organisations (org_number);

CREATE TABLE organisation_members (
    organisation_id INTEGER NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    account_id INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    role TEXT NOT NULL CHECK (role IN ('admin', 'member')),
    status TEXT NOT NULL CHECK (status IN ('pending', 'active', 'refused')),
    requested_at INTEGER NOT NULL,
    decided_at INTEGER,
    decided_by INTEGER REFERENCES accounts (id),
    PRIMARY KEY (organisation_id, account_id)
);
CREATE INDEX organisation_members_account_idx ON organisation_members (account_id);
