-- The verdict recorded with each stored revision: how many signatures (document time-stamps aside) Accord found
-- intact in exactly these bytes (by their SHA-256) when it stored them. Signing over a revision then validates only
-- what is new. NULL for revisions stored before verdicts were recorded: they are validated in full once more.
ALTER TABLE revisions ADD COLUMN intact_signatures INTEGER;
