-- Which input from a dialogue changed which requirement: each version of a
-- summary links to the requirement versions it led to. Like the summary's
-- text, the links of an approved version never change.
CREATE TABLE dialogue_text_changes (
    text_id BIGINT NOT NULL REFERENCES dialogue_texts (id) ON DELETE CASCADE,
    position BIGINT NOT NULL,
    requirement_id BIGINT NOT NULL,
    version BIGINT NOT NULL,
    input TEXT NOT NULL,
    PRIMARY KEY (text_id, position),
    FOREIGN KEY (requirement_id, version) REFERENCES requirement_versions (requirement_id, version)
);
