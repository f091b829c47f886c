-- Documents from the hosts (#16) on a dialogue's public part: for an
-- extern remiss, the draft procurement documents suppliers comment on.
-- A document has versions, each a stored file that never changes.
CREATE TABLE dialogue_documents (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    public_id TEXT NOT NULL,
    dialogue_id INTEGER NOT NULL REFERENCES dialogues (id) ON DELETE CASCADE,
    title TEXT NOT NULL,
    created_at INTEGER NOT NULL
);
CREATE UNIQUE INDEX dialogue_documents_public_id_key ON dialogue_documents (public_id);
CREATE INDEX dialogue_documents_dialogue_idx ON dialogue_documents (dialogue_id, id);

CREATE TABLE dialogue_document_versions (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    document_id INTEGER NOT NULL REFERENCES dialogue_documents (id) ON DELETE CASCADE,
    version INTEGER NOT NULL,
    file_id INTEGER NOT NULL REFERENCES stored_files (id),
    name TEXT NOT NULL,
    note TEXT NOT NULL DEFAULT '',
    published_at INTEGER NOT NULL,
    account_id INTEGER REFERENCES accounts (id) ON DELETE SET NULL,
    UNIQUE (document_id, version)
);
CREATE INDEX dialogue_document_versions_file ON dialogue_document_versions (file_id);

-- Which registered supplier downloaded which version, first and last:
-- the hosts' register, never shown to anyone else.
CREATE TABLE dialogue_document_downloads (
    version_id INTEGER NOT NULL REFERENCES dialogue_document_versions (id) ON DELETE CASCADE,
    supplier_id INTEGER NOT NULL REFERENCES suppliers (id),
    first_at INTEGER NOT NULL,
    last_at INTEGER NOT NULL,
    times INTEGER NOT NULL,
    PRIMARY KEY (version_id, supplier_id)
);
