-- SeatGrpc schema, version 1 (SQLite).
-- Times are integer microseconds since the Unix epoch, UTC: they sort and compare as numbers.
-- A shipped migration is never edited: add 0002_*.sql instead.

CREATE TABLE pools (
    id                  INTEGER PRIMARY KEY,
    name                TEXT    NOT NULL UNIQUE,
    customer_id         TEXT    NOT NULL DEFAULT '',
    total_seats         INTEGER NOT NULL CHECK (total_seats >= 0),
    min_seats           INTEGER NOT NULL DEFAULT 0 CHECK (min_seats >= 0),
    max_seats           INTEGER NOT NULL DEFAULT 0 CHECK (max_seats >= 0),
    occupied_seats      INTEGER NOT NULL DEFAULT 0 CHECK (occupied_seats >= 0 AND occupied_seats <= total_seats),
    last_event_sequence INTEGER NOT NULL DEFAULT 0,
    create_time         INTEGER NOT NULL,
    update_time         INTEGER NOT NULL,
    version             INTEGER NOT NULL
);

CREATE TABLE seats (
    id                     INTEGER PRIMARY KEY,
    public_id              TEXT    NOT NULL UNIQUE,
    pool_id                INTEGER NOT NULL REFERENCES pools (id),
    status                 TEXT    NOT NULL CHECK (status IN ('pending', 'claimed', 'revoked')),
    email                  TEXT,
    email_normalized       TEXT,
    customer_id            TEXT,
    external_customer_id   TEXT,
    metadata               TEXT    NOT NULL DEFAULT '{}',
    token_hash             BLOB,
    invitation_expire_time INTEGER,
    claim_time             INTEGER,
    revoke_time            INTEGER,
    create_time            INTEGER NOT NULL,
    update_time            INTEGER NOT NULL,
    version                INTEGER NOT NULL,
    CHECK (email IS NOT NULL OR customer_id IS NOT NULL OR external_customer_id IS NOT NULL)
);

CREATE INDEX seats_by_pool ON seats (pool_id, id);
CREATE INDEX seats_by_pool_status ON seats (pool_id, status, id);
CREATE UNIQUE INDEX seats_one_active_email ON seats (pool_id, email_normalized)
    WHERE status <> 'revoked' AND email_normalized IS NOT NULL;
CREATE UNIQUE INDEX seats_one_active_customer ON seats (pool_id, customer_id)
    WHERE status <> 'revoked' AND customer_id IS NOT NULL;
CREATE UNIQUE INDEX seats_one_active_external_customer ON seats (pool_id, external_customer_id)
    WHERE status <> 'revoked' AND external_customer_id IS NOT NULL;
CREATE INDEX seats_claimed_by_customer ON seats (customer_id, id)
    WHERE status = 'claimed';
CREATE UNIQUE INDEX seats_by_token_hash ON seats (token_hash)
    WHERE token_hash IS NOT NULL;

CREATE TABLE seat_events (
    pool_id                       INTEGER NOT NULL REFERENCES pools (id),
    sequence                      INTEGER NOT NULL,
    type                          TEXT    NOT NULL,
    seat_name                     TEXT,
    previous_seat_name            TEXT,
    email                         TEXT,
    customer_id                   TEXT,
    external_customer_id          TEXT,
    previous_email                TEXT,
    previous_customer_id          TEXT,
    previous_external_customer_id TEXT,
    total_seats                   INTEGER,
    time                          INTEGER NOT NULL,
    request_id                    TEXT,
    PRIMARY KEY (pool_id, sequence)
) WITHOUT ROWID;

CREATE TABLE idempotency_records (
    request_id  TEXT    NOT NULL PRIMARY KEY,
    operation   TEXT    NOT NULL,
    fingerprint BLOB    NOT NULL,
    response    BLOB    NOT NULL,
    create_time INTEGER NOT NULL
);

CREATE INDEX idempotency_records_by_time ON idempotency_records (create_time);

CREATE TABLE secrets (
    name  TEXT NOT NULL PRIMARY KEY,
    value BLOB NOT NULL
);
