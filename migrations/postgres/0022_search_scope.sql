-- Who may find a row, as lexemes of weight B in its vector (#19):
-- `n<network id>` for a network's readers, `listed` on a listed network's
-- own row, `public` for what everyone reads. A search for a common word
-- then reads only the rows of the reader's networks instead of every row
-- with the word (the words are matched in weights A and D only, so no
-- typed word meets a scope); who may read a row is still decided by the
-- query's own rule, the lexemes only narrow what it looks at. The rows
-- are built again (the server does it when it finds the index empty,
-- `samrad reindex` at any time).
DELETE FROM search_documents;
DROP INDEX search_documents_vector;
ALTER TABLE search_documents DROP COLUMN vector;
ALTER TABLE search_documents ADD COLUMN scope TEXT NOT NULL DEFAULT '';
ALTER TABLE search_documents ADD COLUMN vector tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('simple'::regconfig, title_terms), 'A')
    || setweight(to_tsvector('simple'::regconfig, scope), 'B')
    || setweight(to_tsvector('simple'::regconfig, body_terms), 'D')
) STORED;
CREATE INDEX search_documents_vector ON search_documents USING GIN (vector);
