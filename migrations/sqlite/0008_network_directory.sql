-- Themes (CPV divisions, two digits) of a network, and the indexes the
-- network directory's filters and keyset pagination use.

CREATE TABLE network_themes (
    network_id INTEGER NOT NULL REFERENCES networks (id) ON DELETE CASCADE,
    division TEXT NOT NULL,
    PRIMARY KEY (network_id, division)
);
CREATE INDEX network_themes_division_idx ON network_themes (division, network_id);
CREATE INDEX network_regions_lan_idx ON network_regions (lan_code, network_id);
CREATE INDEX networks_directory_idx ON networks (visibility, name_key, id);
CREATE INDEX network_members_status_idx ON network_members (network_id, status);

-- Organisations are found by name when a coordinator invites one; the key
-- is the name lowercased by the application (SQLite's LOWER only knows
-- ASCII, so rows from before this migration get the nearest it can do).
ALTER TABLE organisations ADD COLUMN name_key TEXT NOT NULL DEFAULT '';
UPDATE organisations SET name_key = LOWER(name);
CREATE INDEX organisations_name_key_idx ON organisations (name_key);
