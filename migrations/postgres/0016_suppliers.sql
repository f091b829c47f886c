-- Suppliers in the market dialogue (#15). Supplier organisations are kept
-- apart from `organisations`, so a supplier can never be a member of a
-- buyer network and a buyer never acts as a supplier.

CREATE TABLE suppliers (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    public_id TEXT NOT NULL,
    name TEXT NOT NULL,
    -- ISO 3166-1 alpha-2.
    country TEXT NOT NULL,
    scheme TEXT NOT NULL CHECK (scheme IN ('orgnr', 'personnummer', 'vat', 'national')),
    -- Written the one way the scheme writes it, so one number is one supplier.
    identifier TEXT NOT NULL,
    created_at BIGINT NOT NULL
);
CREATE UNIQUE INDEX suppliers_public_id_key ON suppliers (public_id);
CREATE UNIQUE INDEX suppliers_identifier_key ON suppliers (country, identifier);

CREATE TABLE supplier_members (
    supplier_id BIGINT NOT NULL REFERENCES suppliers (id) ON DELETE CASCADE,
    account_id BIGINT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    role TEXT NOT NULL CHECK (role IN ('admin', 'member')),
    status TEXT NOT NULL CHECK (status IN ('pending', 'active', 'refused')),
    requested_at BIGINT NOT NULL,
    decided_at BIGINT,
    decided_by BIGINT REFERENCES accounts (id),
    PRIMARY KEY (supplier_id, account_id)
);
CREATE INDEX supplier_members_account_idx ON supplier_members (account_id);

-- The public part: when it was published, the last day for questions
-- (none: the answer deadline), and the places for suppliers per meeting.
ALTER TABLE dialogues ADD COLUMN announced_at BIGINT;
ALTER TABLE dialogues ADD COLUMN question_deadline BIGINT;
ALTER TABLE dialogues ADD COLUMN supplier_places BIGINT NOT NULL DEFAULT 20 CHECK (supplier_places > 0);
CREATE INDEX dialogues_board_idx ON dialogues (announced_at, public_id);

-- A dialogue for a targeted selection of suppliers, with the hosts'
-- justification: not on the board, read only by the suppliers invited.
ALTER TABLE dialogues ADD COLUMN audience TEXT NOT NULL DEFAULT 'open' CHECK (audience IN ('open', 'invited'));
ALTER TABLE dialogues ADD COLUMN audience_reason TEXT NOT NULL DEFAULT '';

-- Opt-in parts of the public page: the needs covered (with their
-- accepted functional requirements) and the demand summed over them.
ALTER TABLE dialogues ADD COLUMN public_needs BIGINT NOT NULL DEFAULT 0 CHECK (public_needs IN (0, 1));
ALTER TABLE dialogues ADD COLUMN public_demand BIGINT NOT NULL DEFAULT 0 CHECK (public_demand IN (0, 1));

CREATE TABLE dialogue_invited_suppliers (
    dialogue_id BIGINT NOT NULL REFERENCES dialogues (id) ON DELETE CASCADE,
    supplier_id BIGINT NOT NULL REFERENCES suppliers (id),
    invited_at BIGINT NOT NULL,
    PRIMARY KEY (dialogue_id, supplier_id)
);

-- A supplier organisation registered for a dialogue receives everything
-- the hosts tell suppliers. Withdrawing keeps the row with withdrawn_at.
CREATE TABLE dialogue_suppliers (
    dialogue_id BIGINT NOT NULL REFERENCES dialogues (id) ON DELETE CASCADE,
    supplier_id BIGINT NOT NULL REFERENCES suppliers (id),
    account_id BIGINT REFERENCES accounts (id) ON DELETE SET NULL,
    registered_at BIGINT NOT NULL,
    withdrawn_at BIGINT,
    PRIMARY KEY (dialogue_id, supplier_id)
);

-- Who comes to one meeting for a registered supplier.
CREATE TABLE meeting_suppliers (
    session_id BIGINT NOT NULL REFERENCES dialogue_sessions (id) ON DELETE CASCADE,
    supplier_id BIGINT NOT NULL REFERENCES suppliers (id),
    attendees TEXT NOT NULL,
    registered_at BIGINT NOT NULL,
    PRIMARY KEY (session_id, supplier_id)
);

-- A supplier's question as asked: only the hosts see it and who asked.
-- Publishing words it anew in dialogue_qa; `qa_id` ties the two.
CREATE TABLE supplier_questions (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    public_id TEXT NOT NULL,
    dialogue_id BIGINT NOT NULL REFERENCES dialogues (id) ON DELETE CASCADE,
    supplier_id BIGINT NOT NULL REFERENCES suppliers (id),
    account_id BIGINT REFERENCES accounts (id) ON DELETE SET NULL,
    body TEXT NOT NULL,
    asked_at BIGINT NOT NULL,
    qa_id BIGINT REFERENCES dialogue_qa (id)
);
CREATE UNIQUE INDEX supplier_questions_public_id_key ON supplier_questions (public_id);
CREATE INDEX supplier_questions_dialogue_idx ON supplier_questions (dialogue_id, id);

-- The information log: everything told to suppliers (the announcement,
-- each published answer, each message to all, each invitation) with its
-- time, and each registration and withdrawal. `supplier_id` names the supplier of a
-- registration or withdrawal; for what was told, the recipients are the
-- suppliers registered at that moment, kept row by row.
CREATE TABLE dialogue_information (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    dialogue_id BIGINT NOT NULL REFERENCES dialogues (id) ON DELETE CASCADE,
    kind TEXT NOT NULL CHECK (kind IN ('announced', 'changed', 'answer', 'message', 'invited',
        'registered', 'withdrawn')),
    body TEXT NOT NULL,
    supplier_id BIGINT REFERENCES suppliers (id),
    at BIGINT NOT NULL
);
CREATE INDEX dialogue_information_dialogue_idx ON dialogue_information (dialogue_id, id);

CREATE TABLE dialogue_information_recipients (
    information_id BIGINT NOT NULL REFERENCES dialogue_information (id) ON DELETE CASCADE,
    supplier_id BIGINT NOT NULL REFERENCES suppliers (id),
    PRIMARY KEY (information_id, supplier_id)
);
