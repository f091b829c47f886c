-- Joint market dialogues: the fields of the EU's pre-market consultation
-- notice (eForms E1), hosts, the needs covered, questions to the market,
-- sessions, registrations, the Q&A log (the asker is kept for the record
-- but never shown), and minutes and summaries that freeze on approval.

CREATE TABLE dialogues (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    public_id TEXT NOT NULL,
    network_id BIGINT NOT NULL REFERENCES networks (id),
    title TEXT NOT NULL,
    purpose TEXT NOT NULL,
    form TEXT NOT NULL CHECK (form IN ('rfi', 'dialogmote', 'enskilda_moten', 'workshop',
        'hearing', 'webbinarium', 'extern_remiss')),
    cpv TEXT NOT NULL,
    lan_code TEXT NOT NULL,
    estimated_value BIGINT,
    answer_deadline BIGINT NOT NULL,
    capacity BIGINT NOT NULL CHECK (capacity > 0),
    status TEXT NOT NULL CHECK (status IN ('planned', 'announced', 'open', 'closed',
        'summarised', 'archived')),
    created_at BIGINT NOT NULL
);
CREATE UNIQUE INDEX dialogues_public_id_key ON dialogues (public_id);
CREATE INDEX dialogues_network_idx ON dialogues (network_id, id);

CREATE TABLE dialogue_hosts (
    dialogue_id BIGINT NOT NULL REFERENCES dialogues (id) ON DELETE CASCADE,
    organisation_id BIGINT NOT NULL REFERENCES organisations (id),
    PRIMARY KEY (dialogue_id, organisation_id)
);

CREATE TABLE dialogue_needs (
    dialogue_id BIGINT NOT NULL REFERENCES dialogues (id) ON DELETE CASCADE,
    need_id BIGINT NOT NULL REFERENCES needs (id),
    PRIMARY KEY (dialogue_id, need_id)
);

CREATE TABLE dialogue_questions (
    dialogue_id BIGINT NOT NULL REFERENCES dialogues (id) ON DELETE CASCADE,
    position BIGINT NOT NULL,
    text TEXT NOT NULL,
    PRIMARY KEY (dialogue_id, position)
);

CREATE TABLE dialogue_sessions (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    public_id TEXT NOT NULL,
    dialogue_id BIGINT NOT NULL REFERENCES dialogues (id) ON DELETE CASCADE,
    starts_at BIGINT NOT NULL,
    ends_at BIGINT NOT NULL,
    place TEXT NOT NULL DEFAULT '',
    link TEXT NOT NULL DEFAULT '',
    CHECK (ends_at > starts_at)
);
CREATE UNIQUE INDEX dialogue_sessions_public_id_key ON dialogue_sessions (public_id);
CREATE INDEX dialogue_sessions_dialogue_idx ON dialogue_sessions (dialogue_id, starts_at);

-- One row per organisation; withdrawing keeps the row with withdrawn_at.
CREATE TABLE dialogue_registrations (
    dialogue_id BIGINT NOT NULL REFERENCES dialogues (id) ON DELETE CASCADE,
    organisation_id BIGINT NOT NULL REFERENCES organisations (id),
    attendees TEXT NOT NULL,
    account_id BIGINT REFERENCES accounts (id),
    registered_at BIGINT NOT NULL,
    withdrawn_at BIGINT,
    PRIMARY KEY (dialogue_id, organisation_id)
);

CREATE TABLE dialogue_qa (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    dialogue_id BIGINT NOT NULL REFERENCES dialogues (id) ON DELETE CASCADE,
    question TEXT NOT NULL,
    answer TEXT NOT NULL,
    published_at BIGINT NOT NULL,
    account_id BIGINT REFERENCES accounts (id)
);
CREATE INDEX dialogue_qa_dialogue_idx ON dialogue_qa (dialogue_id, id);

-- Minutes (per session) and the summary (per dialogue). An approved text
-- is never updated; a new version supersedes it.
CREATE TABLE dialogue_texts (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    public_id TEXT NOT NULL,
    dialogue_id BIGINT NOT NULL REFERENCES dialogues (id) ON DELETE CASCADE,
    kind TEXT NOT NULL CHECK (kind IN ('minutes', 'summary')),
    session_id BIGINT REFERENCES dialogue_sessions (id),
    body TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('draft', 'approved')),
    supersedes BIGINT REFERENCES dialogue_texts (id),
    written_by BIGINT REFERENCES accounts (id),
    written_at BIGINT NOT NULL,
    approved_by BIGINT REFERENCES accounts (id),
    approved_at BIGINT
);
CREATE UNIQUE INDEX dialogue_texts_public_id_key ON dialogue_texts (public_id);
CREATE INDEX dialogue_texts_dialogue_idx ON dialogue_texts (dialogue_id, kind, id);

-- The secret in a network's calendar feed address: calendar programs
-- cannot sign in, so the address itself is the key. Made when first shown.
ALTER TABLE networks ADD COLUMN feed_token TEXT;
CREATE UNIQUE INDEX networks_feed_token_key ON networks (feed_token);
