-- The search index (#19): one row per thing a person may find, with who
-- may see it (`audience`: the network's readers, or everyone) and its
-- words as stems, stemmed in the application by the Snowball Swedish
-- stemmer so both engines match the same documents. Kept in the same
-- transaction as every write it reflects; `samrad reindex` rebuilds it.
CREATE TABLE search_documents (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    kind TEXT NOT NULL,
    item_id INTEGER NOT NULL,
    audience TEXT NOT NULL,
    network_id INTEGER NOT NULL REFERENCES networks (id) ON DELETE CASCADE,
    -- The need or dialogue a requirement, answer, text or comment belongs
    -- to ('' and 0 for the rest), so a change to it refreshes them too.
    parent_kind TEXT NOT NULL,
    parent_id INTEGER NOT NULL,
    parent TEXT NOT NULL,
    title TEXT NOT NULL,
    body TEXT NOT NULL,
    path TEXT NOT NULL,
    current INTEGER NOT NULL,
    at INTEGER NOT NULL,
    title_terms TEXT NOT NULL,
    body_terms TEXT NOT NULL,
    UNIQUE (kind, item_id, audience)
);
CREATE INDEX search_documents_parent ON search_documents (parent_kind, parent_id);

-- remove_diacritics 0: å, ä and ö are letters of their own, not a and o.
CREATE VIRTUAL TABLE search_fts USING fts5 (
    title_terms, body_terms,
    content = 'search_documents', content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 0'
);
CREATE TRIGGER search_documents_ai AFTER INSERT ON search_documents BEGIN
    INSERT INTO search_fts (rowid, title_terms, body_terms)
    VALUES (new.id, new.title_terms, new.body_terms);
END;
CREATE TRIGGER search_documents_ad AFTER DELETE ON search_documents BEGIN
    INSERT INTO search_fts (search_fts, rowid, title_terms, body_terms)
    VALUES ('delete', old.id, old.title_terms, old.body_terms);
END;
CREATE TRIGGER search_documents_au AFTER UPDATE ON search_documents BEGIN
    INSERT INTO search_fts (search_fts, rowid, title_terms, body_terms)
    VALUES ('delete', old.id, old.title_terms, old.body_terms);
    INSERT INTO search_fts (rowid, title_terms, body_terms)
    VALUES (new.id, new.title_terms, new.body_terms);
END;
