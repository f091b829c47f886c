-- Who may find a row, as tokens the full-text index can intersect with the
-- words (#19): `n<network id>` for a network's readers, `listed` on a
-- listed network's own row, `public` for what everyone reads. A search
-- for a common word then reads only the rows of the reader's networks
-- instead of every row with the word; who may read a row is still decided
-- by the query's own rule, the tokens only narrow what it looks at. The
-- rows are built again (the server does it when it finds the index empty,
-- `samrad reindex` at any time).
DROP TRIGGER search_documents_ai;
DROP TRIGGER search_documents_ad;
DROP TRIGGER search_documents_au;
DROP TABLE search_fts;
DELETE FROM search_documents;
ALTER TABLE search_documents ADD COLUMN scope TEXT NOT NULL DEFAULT '';

-- remove_diacritics 0: å, ä and ö are letters of their own, not a and o.
CREATE VIRTUAL TABLE search_fts USING fts5 (
    title_terms, body_terms, scope,
    content = 'search_documents', content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 0'
);
CREATE TRIGGER search_documents_ai AFTER INSERT ON search_documents BEGIN
    INSERT INTO search_fts (rowid, title_terms, body_terms, scope)
    VALUES (new.id, new.title_terms, new.body_terms, new.scope);
END;
CREATE TRIGGER search_documents_ad AFTER DELETE ON search_documents BEGIN
    INSERT INTO search_fts (search_fts, rowid, title_terms, body_terms, scope)
    VALUES ('delete', old.id, old.title_terms, old.body_terms, old.scope);
END;
CREATE TRIGGER search_documents_au AFTER UPDATE ON search_documents BEGIN
    INSERT INTO search_fts (search_fts, rowid, title_terms, body_terms, scope)
    VALUES ('delete', old.id, old.title_terms, old.body_terms, old.scope);
    INSERT INTO search_fts (rowid, title_terms, body_terms, scope)
    VALUES (new.id, new.title_terms, new.body_terms, new.scope);
END;
