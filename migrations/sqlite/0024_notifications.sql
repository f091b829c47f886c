-- Notifications in the app (#18). A row says that something happened that
-- its person may want to see; whether they may still see it is decided
-- when it is read (the network's readers, the comment not hidden or
-- deleted, the need not back in draft; the network's coordinators for a
-- join request, the organisation's admins for its answer), never only
-- when it was written.
-- One row per person and comment: a reply to one's comment that is also
-- in a followed discussion is one notification, of kind 'reply'.
CREATE TABLE notifications (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    account_id INTEGER NOT NULL REFERENCES accounts (id),
    -- core::notify::Kind's code; the list grows with the events.
    kind TEXT NOT NULL,
    network_id INTEGER NOT NULL REFERENCES networks (id),
    comment_id INTEGER REFERENCES comments (id),
    -- The organisation that asked to join, or was answered.
    organisation_id INTEGER REFERENCES organisations (id),
    created_at INTEGER NOT NULL,
    read_at INTEGER
);
CREATE UNIQUE INDEX notifications_comment_key ON notifications (account_id, comment_id);
CREATE INDEX notifications_account_idx ON notifications (account_id, id);

-- Who follows a discussion (a need's or a dialogue's comments): whoever
-- writes in it, and whoever chose to follow it; unfollowing removes the
-- row, writing again adds it back.
CREATE TABLE discussion_follows (
    account_id INTEGER NOT NULL REFERENCES accounts (id),
    subject_kind TEXT NOT NULL CHECK (subject_kind IN ('need', 'dialogue')),
    subject_id INTEGER NOT NULL,
    created_at INTEGER NOT NULL,
    PRIMARY KEY (account_id, subject_kind, subject_id)
);
CREATE INDEX discussion_follows_subject_idx ON discussion_follows (subject_kind, subject_id);
