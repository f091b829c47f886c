-- Why an organisation asked to join, and why the coordinator decided as
-- they did (the requester sees the reason).
ALTER TABLE network_members ADD COLUMN motivation TEXT NOT NULL DEFAULT '';
ALTER TABLE network_members ADD COLUMN decision_reason TEXT NOT NULL DEFAULT '';
