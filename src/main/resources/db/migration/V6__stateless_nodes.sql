-- What a browser, a two-step signature or a lock needs on the next request lives here, not in one node's memory:
-- any node serves any request, and a restart logs nobody out.

-- A browser session: only the SHA-256 of its cookie is kept, so a copy of the database does not hand out sessions.
CREATE TABLE browser_sessions (
    id_sha256  CHAR(64)     PRIMARY KEY,
    csrf       VARCHAR(64)  NOT NULL,
    username   VARCHAR(64)  REFERENCES users (username) ON DELETE CASCADE,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    seen_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX browser_sessions_by_seen ON browser_sessions (seen_at);

-- What one page keeps for the page it redirects to (Post/Redirect/Get), read once.
CREATE TABLE session_flash (
    session_sha256 CHAR(64)     NOT NULL REFERENCES browser_sessions (id_sha256) ON DELETE CASCADE,
    name           VARCHAR(200) NOT NULL,
    value_json     VARCHAR(1000000) NOT NULL,
    PRIMARY KEY (session_sha256, name)
);

-- The archivist's verifications kept for their downloads: the report and DSS's ETSI report, the last few per session.
CREATE TABLE kept_reports (
    id             VARCHAR(36) PRIMARY KEY,
    session_sha256 CHAR(64)    NOT NULL REFERENCES browser_sessions (id_sha256) ON DELETE CASCADE,
    report         BYTEA       NOT NULL,
    etsi_xml       BYTEA,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX kept_reports_by_session ON kept_reports (session_sha256, created_at);

-- A two-step signature waiting for the signatory's device: the exact document and state it was prepared on.
CREATE TABLE pending_signatures (
    invitation_id VARCHAR(36)  PRIMARY KEY REFERENCES invitations (id),
    base_revision INTEGER      NOT NULL,
    pdf           BYTEA        NOT NULL,
    place_en      VARCHAR(400),
    place_ru      VARCHAR(400),
    level         VARCHAR(8)   NOT NULL,
    chain_pem     VARCHAR(200000) NOT NULL,
    signing_time  TIMESTAMP WITH TIME ZONE NOT NULL,
    data_to_sign  BYTEA        NOT NULL,
    algorithm     VARCHAR(64)  NOT NULL,
    expires_at    TIMESTAMP WITH TIME ZONE NOT NULL
);

-- One row per original, locked (SELECT … FOR UPDATE) while a signature or an extension of it is made, on any node.
-- Nothing references it and it references nothing, so holding the lock never blocks the writes made under it.
CREATE TABLE original_locks (
    original_id VARCHAR(36) PRIMARY KEY
);
INSERT INTO original_locks (original_id) SELECT id FROM originals;
