-- Which input from a dialogue changed which requirement: each version of a
-- summary links to the requirement versions it led to. Like the summary's
-- text, the links of an approved version never change.
CREATE TABLE dialogue_text_changes (
    text_id INTEGER NOT NULL REFERENCES dialogue_texts (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    requirement_id INTEGER NOT NULL,
    version INTEGER NOT NULL,
    input TEXT NOT NULL,
    PRIMARY KEY (text_id, position),
    FOREIGN KEY (requirement_id, version) REFERENCES requirement_versions (requirement_id, version)
);
