-- Written answers from suppliers (#16). A supplier registered for a
-- dialogue that takes written answers answers its questions before the
-- answer deadline. Each submission is a version of its own with a
-- receipt; every version is kept. RFI and extern remiss always take
-- written answers; hosts turn them on for other forms before announcing.
ALTER TABLE dialogues ADD COLUMN written_answers INTEGER NOT NULL DEFAULT 0 CHECK (written_answers IN (0, 1));

-- What a supplier is writing and has not submitted: not an answer, seen
-- by the supplier's own people only.
CREATE TABLE answer_drafts (
    dialogue_id INTEGER NOT NULL REFERENCES dialogues (id) ON DELETE CASCADE,
    supplier_id INTEGER NOT NULL REFERENCES suppliers (id),
    position INTEGER NOT NULL,
    body TEXT NOT NULL,
    secret_what TEXT NOT NULL,
    secret_why TEXT NOT NULL,
    secret_harm TEXT NOT NULL,
    saved_at INTEGER NOT NULL,
    PRIMARY KEY (dialogue_id, supplier_id, position)
);

-- One submission: an inkommen handling from its time on. `digest` is the
-- SHA-256 of its content as the receipt states it.
CREATE TABLE supplier_answers (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    public_id TEXT NOT NULL,
    dialogue_id INTEGER NOT NULL REFERENCES dialogues (id) ON DELETE CASCADE,
    supplier_id INTEGER NOT NULL REFERENCES suppliers (id),
    version INTEGER NOT NULL,
    receipt TEXT NOT NULL,
    submitted_at INTEGER NOT NULL,
    account_id INTEGER REFERENCES accounts (id) ON DELETE SET NULL,
    digest TEXT NOT NULL,
    UNIQUE (dialogue_id, supplier_id, version)
);
CREATE UNIQUE INDEX supplier_answers_public_id_key ON supplier_answers (public_id);
CREATE UNIQUE INDEX supplier_answers_receipt_key ON supplier_answers (receipt);

-- Each part answers one question, as the question stood then, with the
-- supplier's request for confidentiality (empty when none): what is
-- sensitive, why, and what harm disclosure would do.
CREATE TABLE supplier_answer_parts (
    answer_id INTEGER NOT NULL REFERENCES supplier_answers (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    question TEXT NOT NULL,
    body TEXT NOT NULL,
    secret_what TEXT NOT NULL,
    secret_why TEXT NOT NULL,
    secret_harm TEXT NOT NULL,
    PRIMARY KEY (answer_id, position)
);
