-- Accounts as far as the foundation needs them (site admins made by
-- `samrad create-admin`), and reports sent from the accessibility statement.
-- Times are milliseconds since the Unix epoch, UTC.

CREATE TABLE accounts (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    email TEXT NOT NULL,
    name TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    language TEXT NOT NULL DEFAULT 'sv' CHECK (language IN ('sv', 'en')),
    is_site_admin BIGINT NOT NULL DEFAULT 0 CHECK (is_site_admin IN (0, 1)),
    email_verified_at BIGINT,
    created_at BIGINT NOT NULL
);
CREATE UNIQUE INDEX accounts_email_key ON accounts (email);

CREATE TABLE accessibility_reports (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    description TEXT NOT NULL,
    page TEXT NOT NULL,
    email TEXT,
    created_at BIGINT NOT NULL
);
