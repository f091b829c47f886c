-- A comment's text rendered once, when it is written (#20), instead of on
-- every page that shows it. `html_renderer` says which renderer made it
-- and `html_version` from which of the comment's versions: a page renders
-- again any row of an older renderer or another version (an instance of
-- the release before this one edits without rendering), and the server
-- brings such rows up to date at start, so stored HTML is never stale.
ALTER TABLE comments ADD COLUMN body_html TEXT NOT NULL DEFAULT '';
ALTER TABLE comments ADD COLUMN html_renderer INTEGER NOT NULL DEFAULT 0;
ALTER TABLE comments ADD COLUMN html_version INTEGER NOT NULL DEFAULT 0;
