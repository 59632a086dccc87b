-- Accord's storage. Portable SQL: the same script runs on H2 2.x and PostgreSQL 14+.
-- Rows that record a document never change; a new signature is a new revision row.

CREATE TABLE users (
    username      VARCHAR(64)  PRIMARY KEY,
    role          VARCHAR(16)  NOT NULL,
    password_hash VARCHAR(255) NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE agreements (
    id            VARCHAR(36)   PRIMARY KEY,
    data_id       VARCHAR(100)  NOT NULL,
    title_en      VARCHAR(4000) NOT NULL,
    title_ru      VARCHAR(4000) NOT NULL,
    source        BYTEA         NOT NULL,
    source_sha256 CHAR(64)      NOT NULL,
    created_by    VARCHAR(64)   NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE originals (
    id           VARCHAR(36)  PRIMARY KEY,
    agreement_id VARCHAR(36)  NOT NULL REFERENCES agreements (id),
    number       INTEGER      NOT NULL,
    of_total     INTEGER      NOT NULL,
    layout       VARCHAR(16)  NOT NULL,
    custodian    VARCHAR(100),
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT originals_once UNIQUE (agreement_id, number)
);

-- The primary key is what serialises concurrent signatures: two writers of revision n+1 cannot both commit.
CREATE TABLE revisions (
    original_id VARCHAR(36)  NOT NULL REFERENCES originals (id),
    number      INTEGER      NOT NULL,
    kind        VARCHAR(16)  NOT NULL,
    party_id    VARCHAR(100),
    signer      VARCHAR(500),
    signed_at   TIMESTAMP WITH TIME ZONE,
    level       VARCHAR(8),
    bytes       BYTEA        NOT NULL,
    size        BIGINT       NOT NULL,
    sha256      CHAR(64)     NOT NULL,
    actor       VARCHAR(200) NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (original_id, number)
);
CREATE INDEX revisions_by_hash ON revisions (sha256);

-- Only the SHA-256 of a signing token is kept: a copy of the database does not hand out links.
CREATE TABLE invitations (
    id              VARCHAR(36) PRIMARY KEY,
    original_id     VARCHAR(36) NOT NULL REFERENCES originals (id),
    party_id        VARCHAR(100) NOT NULL,
    token_sha256    CHAR(64)    NOT NULL UNIQUE,
    expires_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    used_at         TIMESTAMP WITH TIME ZONE,
    revoked_at      TIMESTAMP WITH TIME ZONE,
    failed_attempts INTEGER     NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX invitations_by_original ON invitations (original_id, party_id);

-- The audit trail: each event's hash covers its fields and the previous event's hash.
CREATE TABLE audit_events (
    seq             BIGINT        PRIMARY KEY,
    at              TIMESTAMP WITH TIME ZONE NOT NULL,
    actor           VARCHAR(200)  NOT NULL,
    action          VARCHAR(64)   NOT NULL,
    subject         VARCHAR(200)  NOT NULL,
    document_sha256 CHAR(64),
    detail          VARCHAR(2000),
    prev_hash       CHAR(64)      NOT NULL,
    hash            CHAR(64)      NOT NULL
);

-- One row: the head of the chain. Updating it first is what serialises appends on both databases.
CREATE TABLE audit_head (
    id   INTEGER  PRIMARY KEY,
    seq  BIGINT   NOT NULL,
    hash CHAR(64) NOT NULL
);
INSERT INTO audit_head (id, seq, hash) VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
