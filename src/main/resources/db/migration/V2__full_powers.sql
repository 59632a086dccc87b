-- A signatory's full powers (a PDF), attached to one party of one original before the party signs. Rows are
-- never changed: the party's signature embeds every file attached for it, in the revision it signs.
CREATE TABLE full_powers (
    id          VARCHAR(36)  PRIMARY KEY,
    original_id VARCHAR(36)  NOT NULL REFERENCES originals (id),
    party_id    VARCHAR(100) NOT NULL,
    file_name   VARCHAR(200) NOT NULL,
    bytes       BYTEA        NOT NULL,
    size        BIGINT       NOT NULL,
    sha256      CHAR(64)     NOT NULL,
    actor       VARCHAR(200) NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT full_powers_once UNIQUE (original_id, party_id, file_name)
);
CREATE INDEX full_powers_by_party ON full_powers (original_id, party_id);
