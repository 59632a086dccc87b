-- Failed-login buckets (Bucket4j state), shared by every node: one row per account and per client address.
CREATE TABLE throttle_buckets (
    id         VARCHAR(300) PRIMARY KEY,
    state      BYTEA,
    expires_at BIGINT
);
