-- Every mail is queued in the outbox first; with SMTP configured a worker
-- delivers it and marks it sent, so a failed SMTP server delays mail but
-- never fails the action that sent it.
ALTER TABLE outbox ADD COLUMN sent_at INTEGER;
ALTER TABLE outbox ADD COLUMN claimed_at INTEGER;
ALTER TABLE outbox ADD COLUMN attempts INTEGER NOT NULL DEFAULT 0;
ALTER TABLE outbox ADD COLUMN last_error TEXT;
CREATE INDEX outbox_unsent_idx ON outbox (sent_at, id);
