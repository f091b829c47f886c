-- A comment's text rendered once, when it is written (#20), instead of on
-- every page that shows it. `html_renderer` says which renderer made it;
-- a page renders again any row of an older one, and housekeeping brings
-- such rows up to date, so a changed renderer never shows stale HTML.
ALTER TABLE comments ADD COLUMN body_html TEXT NOT NULL DEFAULT '';
ALTER TABLE comments ADD COLUMN html_renderer BIGINT NOT NULL DEFAULT 0;
