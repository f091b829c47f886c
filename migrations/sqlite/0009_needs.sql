-- Shared needs in a network: their current text, every earlier version,
-- functional requirements (also versioned) and each organisation's
-- declared, non-binding interest.

CREATE TABLE needs (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    public_id TEXT NOT NULL,
    network_id INTEGER NOT NULL REFERENCES networks (id),
    owner_organisation_id INTEGER NOT NULL REFERENCES organisations (id),
    title TEXT NOT NULL,
    problem TEXT NOT NULL,
    effect TEXT NOT NULL,
    affected TEXT NOT NULL,
    staircase TEXT NOT NULL CHECK (staircase IN ('infora', 'introducera', 'initiera')),
    -- The earliest quarter a procurement could start, as year * 4 + quarter - 1.
    horizon INTEGER NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('draft', 'shared', 'in_dialogue', 'specified',
        'in_procurement', 'fulfilled', 'withdrawn')),
    merged_into INTEGER REFERENCES needs (id),
    version INTEGER NOT NULL,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
);
CREATE UNIQUE INDEX needs_public_id_key ON needs (public_id);
CREATE INDEX needs_network_idx ON needs (network_id, created_at, id);
CREATE INDEX needs_owner_idx ON needs (owner_organisation_id);

-- CPV codes in full (45000000-7); `division` is the first two digits.
CREATE TABLE need_cpv (
    need_id INTEGER NOT NULL REFERENCES needs (id) ON DELETE CASCADE,
    code TEXT NOT NULL,
    division TEXT NOT NULL,
    PRIMARY KEY (need_id, code)
);
CREATE INDEX need_cpv_division_idx ON need_cpv (division, need_id);

CREATE TABLE need_regions (
    need_id INTEGER NOT NULL REFERENCES needs (id) ON DELETE CASCADE,
    lan_code TEXT NOT NULL,
    PRIMARY KEY (need_id, lan_code)
);
CREATE INDEX need_regions_lan_idx ON need_regions (lan_code, need_id);

-- Every version of a need's text, the current one included; append-only.
CREATE TABLE need_versions (
    need_id INTEGER NOT NULL REFERENCES needs (id) ON DELETE CASCADE,
    version INTEGER NOT NULL,
    at INTEGER NOT NULL,
    account_id INTEGER REFERENCES accounts (id),
    organisation_id INTEGER REFERENCES organisations (id),
    title TEXT NOT NULL,
    problem TEXT NOT NULL,
    effect TEXT NOT NULL,
    affected TEXT NOT NULL,
    staircase TEXT NOT NULL,
    horizon INTEGER NOT NULL,
    cpv TEXT NOT NULL,
    regions TEXT NOT NULL,
    PRIMARY KEY (need_id, version)
);

CREATE TABLE requirements (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    public_id TEXT NOT NULL,
    need_id INTEGER NOT NULL REFERENCES needs (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    text TEXT NOT NULL,
    motive TEXT NOT NULL,
    verification TEXT NOT NULL,
    level TEXT NOT NULL CHECK (level IN ('ska', 'bor')),
    accepted INTEGER NOT NULL DEFAULT 0 CHECK (accepted IN (0, 1)),
    version INTEGER NOT NULL,
    organisation_id INTEGER NOT NULL REFERENCES organisations (id)
);
CREATE UNIQUE INDEX requirements_public_id_key ON requirements (public_id);
CREATE INDEX requirements_need_idx ON requirements (need_id, position);

CREATE TABLE requirement_versions (
    requirement_id INTEGER NOT NULL REFERENCES requirements (id) ON DELETE CASCADE,
    version INTEGER NOT NULL,
    at INTEGER NOT NULL,
    account_id INTEGER REFERENCES accounts (id),
    organisation_id INTEGER REFERENCES organisations (id),
    text TEXT NOT NULL,
    motive TEXT NOT NULL,
    verification TEXT NOT NULL,
    level TEXT NOT NULL,
    accepted INTEGER NOT NULL,
    PRIMARY KEY (requirement_id, version)
);

-- One organisation's non-binding interest in a need; editable.
CREATE TABLE need_interests (
    need_id INTEGER NOT NULL REFERENCES needs (id) ON DELETE CASCADE,
    organisation_id INTEGER NOT NULL REFERENCES organisations (id),
    quantity INTEGER NOT NULL CHECK (quantity > 0),
    unit TEXT NOT NULL,
    value_sek INTEGER NOT NULL CHECK (value_sek >= 0),
    earliest INTEGER NOT NULL,
    confidence TEXT NOT NULL CHECK (confidence IN ('low', 'medium', 'high')),
    comment TEXT NOT NULL DEFAULT '',
    account_id INTEGER REFERENCES accounts (id),
    updated_at INTEGER NOT NULL,
    PRIMARY KEY (need_id, organisation_id)
);
CREATE INDEX need_interests_organisation_idx ON need_interests (organisation_id);
