-- Files attached to written answers (#16), kept in the database so a
-- backup holds them and every instance serves them. A file's bytes are
-- stored once and never change; what refers to it gives it its name.
CREATE TABLE stored_files (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    media_type TEXT NOT NULL,
    size INTEGER NOT NULL,
    sha256 TEXT NOT NULL,
    bytes BLOB NOT NULL,
    created_at INTEGER NOT NULL
);

-- The files a supplier has attached to the answer it is writing, each
-- with its own request for confidentiality (empty when none).
CREATE TABLE answer_draft_files (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    public_id TEXT NOT NULL,
    dialogue_id INTEGER NOT NULL REFERENCES dialogues (id) ON DELETE CASCADE,
    supplier_id INTEGER NOT NULL REFERENCES suppliers (id),
    file_id INTEGER NOT NULL REFERENCES stored_files (id),
    name TEXT NOT NULL,
    secret_what TEXT NOT NULL,
    secret_why TEXT NOT NULL,
    secret_harm TEXT NOT NULL,
    added_at INTEGER NOT NULL
);
CREATE UNIQUE INDEX answer_draft_files_public_id_key ON answer_draft_files (public_id);
CREATE INDEX answer_draft_files_draft ON answer_draft_files (dialogue_id, supplier_id);

-- The files of one submission, as they were submitted.
CREATE TABLE supplier_answer_files (
    answer_id INTEGER NOT NULL REFERENCES supplier_answers (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    file_id INTEGER NOT NULL REFERENCES stored_files (id),
    name TEXT NOT NULL,
    secret_what TEXT NOT NULL,
    secret_why TEXT NOT NULL,
    secret_harm TEXT NOT NULL,
    PRIMARY KEY (answer_id, position)
);
CREATE INDEX supplier_answer_files_file ON supplier_answer_files (file_id);
