-- Shared needs in a network: their current text, every earlier version,
-- functional requirements (also versioned) and each organisation's
-- declared, non-binding interest.

CREATE TABLE needs (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    public_id TEXT NOT NULL,
    network_id BIGINT NOT NULL REFERENCES networks (id),
    owner_organisation_id BIGINT NOT NULL REFERENCES organisations (id),
    title TEXT NOT NULL,
    problem TEXT NOT NULL,
    effect TEXT NOT NULL,
    affected TEXT NOT NULL,
    staircase TEXT NOT NULL CHECK (staircase IN ('infora', 'introducera', 'initiera')),
    -- The earliest quarter a procurement could start, as year * 4 + quarter - 1.
    horizon BIGINT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('draft', 'shared', 'in_dialogue', 'specified',
        'in_procurement', 'fulfilled', 'withdrawn')),
    merged_into BIGINT REFERENCES needs (id),
    version BIGINT NOT NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
CREATE UNIQUE INDEX needs_public_id_key ON needs (public_id);
CREATE INDEX needs_network_idx ON needs (network_id, created_at, id);
CREATE INDEX needs_owner_idx ON needs (owner_organisation_id);

-- CPV codes in full (45000000-7); `division` is the first two digits.
CREATE TABLE need_cpv (
    need_id BIGINT NOT NULL REFERENCES needs (id) ON DELETE CASCADE,
    code TEXT NOT NULL,
    division TEXT NOT NULL,
    PRIMARY KEY (need_id, code)
);
CREATE INDEX need_cpv_division_idx ON need_cpv (division, need_id);

CREATE TABLE need_regions (
    need_id BIGINT NOT NULL REFERENCES needs (id) ON DELETE CASCADE,
    lan_code TEXT NOT NULL,
    PRIMARY KEY (need_id, lan_code)
);
CREATE INDEX need_regions_lan_idx ON need_regions (lan_code, need_id);

-- Every version of a need's text, the current one included; append-only.
CREATE TABLE need_versions (
    need_id BIGINT NOT NULL REFERENCES needs (id) ON DELETE CASCADE,
    version BIGINT NOT NULL,
    at BIGINT NOT NULL,
    account_id BIGINT REFERENCES accounts (id),
    organisation_id BIGINT REFERENCES organisations (id),
    title TEXT NOT NULL,
    problem TEXT NOT NULL,
    effect TEXT NOT NULL,
    affected TEXT NOT NULL,
    staircase TEXT NOT NULL,
    horizon BIGINT NOT NULL,
    cpv TEXT NOT NULL,
    regions TEXT NOT NULL,
    PRIMARY KEY (need_id, version)
);

CREATE TABLE requirements (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    public_id TEXT NOT NULL,
    need_id BIGINT NOT NULL REFERENCES needs (id) ON DELETE CASCADE,
    position BIGINT NOT NULL,
    text TEXT NOT NULL,
    motive TEXT NOT NULL,
    verification TEXT NOT NULL,
    level TEXT NOT NULL CHECK (level IN ('ska', 'bor')),
    accepted BIGINT NOT NULL DEFAULT 0 CHECK (accepted IN (0, 1)),
    version BIGINT NOT NULL,
    organisation_id BIGINT NOT NULL REFERENCES organisations (id)
);
CREATE UNIQUE INDEX requirements_public_id_key ON requirements (public_id);
CREATE INDEX requirements_need_idx ON requirements (need_id, position);

CREATE TABLE requirement_versions (
    requirement_id BIGINT NOT NULL REFERENCES requirements (id) ON DELETE CASCADE,
    version BIGINT NOT NULL,
    at BIGINT NOT NULL,
    account_id BIGINT REFERENCES accounts (id),
    organisation_id BIGINT REFERENCES organisations (id),
    text TEXT NOT NULL,
    motive TEXT NOT NULL,
    verification TEXT NOT NULL,
    level TEXT NOT NULL,
    accepted BIGINT NOT NULL,
    PRIMARY KEY (requirement_id, version)
);

-- One organisation's non-binding interest in a need; editable.
CREATE TABLE need_interests (
    need_id BIGINT NOT NULL REFERENCES needs (id) ON DELETE CASCADE,
    organisation_id BIGINT NOT NULL REFERENCES organisations (id),
    quantity BIGINT NOT NULL CHECK (quantity > 0),
    unit TEXT NOT NULL,
    value_sek BIGINT NOT NULL CHECK (value_sek >= 0),
    earliest BIGINT NOT NULL,
    confidence TEXT NOT NULL CHECK (confidence IN ('low', 'medium', 'high')),
    comment TEXT NOT NULL DEFAULT '',
    account_id BIGINT REFERENCES accounts (id),
    updated_at BIGINT NOT NULL,
    PRIMARY KEY (need_id, organisation_id)
);
CREATE INDEX need_interests_organisation_idx ON need_interests (organisation_id);
