-- SeatGrpc schema, version 1 (PostgreSQL). Same tables, columns and rules as Migrations/Sqlite/0001_initial.sql.
-- Times are bigint microseconds since the Unix epoch, UTC: they sort and compare as numbers.
-- Every integer is bigint, so rows map to the same long properties as on SQLite.
-- A shipped migration is never edited: add 0002_*.sql instead.

CREATE TABLE pools (
    id                  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name                text   NOT NULL UNIQUE,
    customer_id         text   NOT NULL DEFAULT '',
    total_seats         bigint NOT NULL CHECK (total_seats >= 0),
    min_seats           bigint NOT NULL DEFAULT 0 CHECK (min_seats >= 0),
    max_seats           bigint NOT NULL DEFAULT 0 CHECK (max_seats >= 0),
    -- The capacity counter: a seat is taken with UPDATE ... WHERE occupied_seats < total_seats, whose row lock
    -- serializes every writer of the pool, on any replica.
    occupied_seats      bigint NOT NULL DEFAULT 0 CHECK (occupied_seats >= 0 AND occupied_seats <= total_seats),
    -- The per-pool gapless event sequence, handed out by the same row-locking UPDATEs.
    last_event_sequence bigint NOT NULL DEFAULT 0,
    create_time         bigint NOT NULL,
    update_time         bigint NOT NULL,
    version             bigint NOT NULL
);

CREATE TABLE seats (
    id                     bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    public_id              text   NOT NULL UNIQUE,
    pool_id                bigint NOT NULL REFERENCES pools (id),
    status                 text   NOT NULL CHECK (status IN ('pending', 'claimed', 'revoked')),
    email                  text,
    email_normalized       text,
    customer_id            text,
    external_customer_id   text,
    metadata               text   NOT NULL DEFAULT '{}',
    token_hash             bytea,
    invitation_expire_time bigint,
    claim_time             bigint,
    revoke_time            bigint,
    create_time            bigint NOT NULL,
    update_time            bigint NOT NULL,
    version                bigint NOT NULL,
    CHECK (email IS NOT NULL OR customer_id IS NOT NULL OR external_customer_id IS NOT NULL)
);

CREATE INDEX seats_by_pool ON seats (pool_id, id);
CREATE INDEX seats_by_pool_status ON seats (pool_id, status, id);
-- One non-revoked seat per grantee and pool, per identity kind; emails compare lower-cased (email_normalized).
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
    pool_id                       bigint NOT NULL REFERENCES pools (id),
    sequence                      bigint NOT NULL,
    type                          text   NOT NULL,
    seat_name                     text,
    previous_seat_name            text,
    email                         text,
    customer_id                   text,
    external_customer_id          text,
    previous_email                text,
    previous_customer_id          text,
    previous_external_customer_id text,
    total_seats                   bigint,
    time                          bigint NOT NULL,
    request_id                    text,
    PRIMARY KEY (pool_id, sequence)
);

CREATE TABLE idempotency_records (
    request_id  text   NOT NULL PRIMARY KEY,
    operation   text   NOT NULL,
    fingerprint bytea  NOT NULL,
    response    bytea  NOT NULL,
    create_time bigint NOT NULL
);

CREATE INDEX idempotency_records_by_time ON idempotency_records (create_time);

CREATE TABLE secrets (
    name  text  NOT NULL PRIMARY KEY,
    value bytea NOT NULL
);
