-- Individual meetings (#16): the hosts offer slots of one length to every
-- registered supplier alike; a slot is booked by at most one supplier and
-- a supplier holds at most one slot of a dialogue. Bookings are made,
-- moved and cancelled until the dialogue's cut-off.
ALTER TABLE dialogues ADD COLUMN slot_cutoff BIGINT;

CREATE TABLE meeting_slots (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    public_id TEXT NOT NULL,
    dialogue_id BIGINT NOT NULL REFERENCES dialogues (id) ON DELETE CASCADE,
    starts_at BIGINT NOT NULL,
    ends_at BIGINT NOT NULL,
    place TEXT NOT NULL DEFAULT '',
    link TEXT NOT NULL DEFAULT '',
    offered_at BIGINT NOT NULL,
    supplier_id BIGINT REFERENCES suppliers (id),
    booked_by BIGINT REFERENCES accounts (id) ON DELETE SET NULL,
    booked_at BIGINT,
    attendees TEXT NOT NULL DEFAULT '',
    CHECK (ends_at > starts_at)
);
CREATE UNIQUE INDEX meeting_slots_public_id_key ON meeting_slots (public_id);
CREATE INDEX meeting_slots_dialogue_idx ON meeting_slots (dialogue_id, starts_at);
-- One slot each, whatever races the application's lock might lose.
CREATE UNIQUE INDEX meeting_slots_one_each ON meeting_slots (dialogue_id, supplier_id)
    WHERE supplier_id IS NOT NULL;

-- The minutes of an individual meeting are the record's minutes too.
ALTER TABLE dialogue_texts ADD COLUMN slot_id BIGINT REFERENCES meeting_slots (id);
