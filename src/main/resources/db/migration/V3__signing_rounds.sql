-- Signing rounds that run themselves: who is invited in which order and by when, the outbox of mails and
-- webhooks, the signing certificates of completed originals, time-limited downloads, and the job scheduler.

-- One round per original: in any order or in the parties' order, until a deadline; how it ended.
-- state: open, signed (every party has signed; the certificate is being made), completed, declined, expired.
CREATE TABLE rounds (
    original_id VARCHAR(36)   PRIMARY KEY REFERENCES originals (id),
    ordered     BOOLEAN       NOT NULL,
    deadline    TIMESTAMP WITH TIME ZONE NOT NULL,
    state       VARCHAR(16)   NOT NULL,
    ended_at    TIMESTAMP WITH TIME ZONE,
    ended_by    VARCHAR(100),
    reason      VARCHAR(2000)
);
CREATE INDEX rounds_by_state ON rounds (state, deadline);

-- A party of a round: its place in the order, where its signatory is written to, when it was invited and reminded.
CREATE TABLE round_parties (
    original_id VARCHAR(36)  NOT NULL REFERENCES rounds (original_id),
    party_id    VARCHAR(100) NOT NULL,
    position    INTEGER      NOT NULL,
    email       VARCHAR(320),
    invited_at  TIMESTAMP WITH TIME ZONE,
    reminded_at TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (original_id, party_id)
);

-- Messages to deliver (channel mail or webhook), committed with the change they announce and delivered by a job
-- with retries. state: pending, sending (claimed until next_attempt_at), sent, failed (gave up), handed (given
-- over by hand). A mail with a personal link keeps it in link and a copy of its body without it in redacted: once
-- the mail is sent or handed over, the body becomes that copy and the link is dropped.
CREATE TABLE outbox (
    id              VARCHAR(36)   PRIMARY KEY,
    channel         VARCHAR(16)   NOT NULL,
    kind            VARCHAR(40)   NOT NULL,
    original_id     VARCHAR(36),
    party_id        VARCHAR(100),
    recipient       VARCHAR(2000) NOT NULL,
    subject         VARCHAR(1000) NOT NULL,
    body            BYTEA         NOT NULL,
    link            VARCHAR(500),
    redacted        BYTEA,
    state           VARCHAR(16)   NOT NULL,
    attempts        INTEGER       NOT NULL,
    next_attempt_at TIMESTAMP WITH TIME ZONE NOT NULL,
    last_error      VARCHAR(500),
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    sent_at         TIMESTAMP WITH TIME ZONE
);
CREATE INDEX outbox_due ON outbox (state, next_attempt_at);
CREATE INDEX outbox_by_original ON outbox (original_id);

CREATE TABLE outbox_attachments (
    message_id   VARCHAR(36)  NOT NULL REFERENCES outbox (id),
    position     INTEGER      NOT NULL,
    file_name    VARCHAR(200) NOT NULL,
    content_type VARCHAR(100) NOT NULL,
    bytes        BYTEA        NOT NULL,
    PRIMARY KEY (message_id, position)
);

-- The signing certificate of a completed original (a PDF/A), made once.
CREATE TABLE signing_certificates (
    original_id VARCHAR(36) PRIMARY KEY REFERENCES originals (id),
    bytes       BYTEA       NOT NULL,
    sha256      CHAR(64)    NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Links that download one revision of an original for a set time (a completed original too large to attach);
-- only the hash of their token is kept.
CREATE TABLE downloads (
    token_sha256 CHAR(64)    PRIMARY KEY,
    original_id  VARCHAR(36) NOT NULL REFERENCES originals (id),
    revision     INTEGER     NOT NULL,
    expires_at   TIMESTAMP WITH TIME ZONE NOT NULL
);

-- db-scheduler's table (its documented layout): one row per scheduled execution, picked by one node at a time.
CREATE TABLE scheduled_tasks (
    task_name            VARCHAR(100) NOT NULL,
    task_instance        VARCHAR(100) NOT NULL,
    task_data            BYTEA,
    execution_time       TIMESTAMP WITH TIME ZONE NOT NULL,
    picked               BOOLEAN      NOT NULL,
    picked_by            VARCHAR(50),
    last_success         TIMESTAMP WITH TIME ZONE,
    last_failure         TIMESTAMP WITH TIME ZONE,
    consecutive_failures INTEGER,
    last_heartbeat       TIMESTAMP WITH TIME ZONE,
    version              BIGINT       NOT NULL,
    priority             SMALLINT,
    PRIMARY KEY (task_name, task_instance)
);
CREATE INDEX scheduled_tasks_execution_time ON scheduled_tasks (execution_time);
CREATE INDEX scheduled_tasks_last_heartbeat ON scheduled_tasks (last_heartbeat);
CREATE INDEX scheduled_tasks_priority ON scheduled_tasks (priority DESC, execution_time ASC);
