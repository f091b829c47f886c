-- The search index (#19): one row per thing a person may find, with who
-- may see it (`audience`: the network's readers, or everyone) and its
-- words as stems. The stems come from the application's Snowball Swedish
-- stemmer (with its rule for cykel/cyklar, which the `swedish`
-- configuration lacks), so the vector uses the `simple` configuration and
-- both engines match the same documents. Kept in the same transaction as
-- every write it reflects; `samrad reindex` rebuilds it.
CREATE TABLE search_documents (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kind TEXT NOT NULL,
    item_id BIGINT NOT NULL,
    audience TEXT NOT NULL,
    network_id BIGINT NOT NULL REFERENCES networks (id) ON DELETE CASCADE,
    -- The need or dialogue a requirement, answer, text or comment belongs
    -- to ('' and 0 for the rest), so a change to it refreshes them too.
    parent_kind TEXT NOT NULL,
    parent_id BIGINT NOT NULL,
    parent TEXT NOT NULL,
    title TEXT NOT NULL,
    body TEXT NOT NULL,
    path TEXT NOT NULL,
    current INTEGER NOT NULL,
    at BIGINT NOT NULL,
    title_terms TEXT NOT NULL,
    body_terms TEXT NOT NULL,
    vector tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('simple'::regconfig, title_terms), 'A')
        || setweight(to_tsvector('simple'::regconfig, body_terms), 'D')
    ) STORED,
    UNIQUE (kind, item_id, audience)
);
CREATE INDEX search_documents_parent ON search_documents (parent_kind, parent_id);
CREATE INDEX search_documents_vector ON search_documents USING GIN (vector);
