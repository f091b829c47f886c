-- Beställarnätverk: networks of organisations, their regions, their member
-- organisations with roles, and the append-only audit log of decisions.

CREATE TABLE networks (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    public_id TEXT NOT NULL,
    name TEXT NOT NULL,
    name_key TEXT NOT NULL,
    purpose TEXT NOT NULL,
    staircase TEXT NOT NULL CHECK (staircase IN ('infora', 'introducera', 'initiera')),
    visibility TEXT NOT NULL CHECK (visibility IN ('listed', 'hidden')),
    join_policy TEXT NOT NULL CHECK (join_policy IN ('request', 'invitation')),
    status TEXT NOT NULL CHECK (status IN ('forming', 'active', 'dormant', 'closed')),
    created_at INTEGER NOT NULL
);
CREATE UNIQUE INDEX networks_public_id_key ON networks (public_id);
-- Names are unique regardless of case and surrounding spaces.
CREATE UNIQUE INDEX networks_name_key ON networks (name_key);

CREATE TABLE network_regions (
    network_id INTEGER NOT NULL REFERENCES networks (id) ON DELETE CASCADE,
    lan_code TEXT NOT NULL,
    PRIMARY KEY (network_id, lan_code)
);

CREATE TABLE network_members (
    network_id INTEGER NOT NULL REFERENCES networks (id) ON DELETE CASCADE,
    organisation_id INTEGER NOT NULL REFERENCES organisations (id),
    role TEXT NOT NULL CHECK (role IN ('coordinator', 'member', 'observer')),
    status TEXT NOT NULL CHECK (status IN ('requested', 'invited', 'active', 'refused', 'left')),
    since INTEGER NOT NULL,
    PRIMARY KEY (network_id, organisation_id)
);
CREATE INDEX network_members_organisation_idx ON network_members (organisation_id);

-- Append-only: rows are inserted, never updated or deleted.
CREATE TABLE network_audit (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    network_id INTEGER NOT NULL REFERENCES networks (id),
    at INTEGER NOT NULL,
    actor_account_id INTEGER REFERENCES accounts (id),
    actor_organisation_id INTEGER REFERENCES organisations (id),
    action TEXT NOT NULL,
    subject TEXT NOT NULL DEFAULT '',
    reason TEXT NOT NULL DEFAULT ''
);
CREATE INDEX network_audit_network_idx ON network_audit (network_id, id);
