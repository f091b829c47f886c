-- Comments on needs (and, later, dialogues): threaded to three levels,
-- edited with every earlier text kept, deleted as a tombstone, hidden by a
-- coordinator with a reason.

CREATE TABLE comments (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    public_id TEXT NOT NULL,
    network_id BIGINT NOT NULL REFERENCES networks (id),
    subject_kind TEXT NOT NULL CHECK (subject_kind IN ('need', 'dialogue')),
    subject_id BIGINT NOT NULL,
    -- The top-level comment of the thread (itself for a top-level one).
    thread_id BIGINT,
    parent_id BIGINT REFERENCES comments (id),
    depth BIGINT NOT NULL CHECK (depth BETWEEN 0 AND 2),
    account_id BIGINT REFERENCES accounts (id),
    organisation_id BIGINT NOT NULL REFERENCES organisations (id),
    body TEXT NOT NULL,
    version BIGINT NOT NULL,
    created_at BIGINT NOT NULL,
    edited_at BIGINT,
    deleted_at BIGINT,
    hidden_at BIGINT,
    hidden_reason TEXT NOT NULL DEFAULT ''
);
CREATE UNIQUE INDEX comments_public_id_key ON comments (public_id);
CREATE INDEX comments_subject_idx ON comments (subject_kind, subject_id, thread_id, id);
CREATE INDEX comments_account_idx ON comments (account_id);

CREATE TABLE comment_versions (
    comment_id BIGINT NOT NULL REFERENCES comments (id) ON DELETE CASCADE,
    version BIGINT NOT NULL,
    body TEXT NOT NULL,
    at BIGINT NOT NULL,
    PRIMARY KEY (comment_id, version)
);
