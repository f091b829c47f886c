-- Documents from the hosts (#16) on a dialogue's public part: for an
-- extern remiss, the draft procurement documents suppliers comment on.
-- A document has versions, each a stored file that never changes.
CREATE TABLE dialogue_documents (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    public_id TEXT NOT NULL,
    dialogue_id BIGINT NOT NULL REFERENCES dialogues (id) ON DELETE CASCADE,
    title TEXT NOT NULL,
    created_at BIGINT NOT NULL
);
CREATE UNIQUE INDEX dialogue_documents_public_id_key ON dialogue_documents (public_id);
CREATE INDEX dialogue_documents_dialogue_idx ON dialogue_documents (dialogue_id, id);

CREATE TABLE dialogue_document_versions (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    document_id BIGINT NOT NULL REFERENCES dialogue_documents (id) ON DELETE CASCADE,
    version BIGINT NOT NULL,
    file_id BIGINT NOT NULL REFERENCES stored_files (id),
    name TEXT NOT NULL,
    note TEXT NOT NULL DEFAULT '',
    published_at BIGINT NOT NULL,
    account_id BIGINT REFERENCES accounts (id) ON DELETE SET NULL,
    UNIQUE (document_id, version)
);
CREATE INDEX dialogue_document_versions_file ON dialogue_document_versions (file_id);

-- Which registered supplier downloaded which version, first and last:
-- the hosts' register, never shown to anyone else.
CREATE TABLE dialogue_document_downloads (
    version_id BIGINT NOT NULL REFERENCES dialogue_document_versions (id) ON DELETE CASCADE,
    supplier_id BIGINT NOT NULL REFERENCES suppliers (id),
    first_at BIGINT NOT NULL,
    last_at BIGINT NOT NULL,
    times BIGINT NOT NULL,
    PRIMARY KEY (version_id, supplier_id)
);
