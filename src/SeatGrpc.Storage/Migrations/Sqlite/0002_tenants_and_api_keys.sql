-- SeatGrpc schema, version 2 (SQLite): tenants and API keys.
-- Every pool, seat, event and idempotency record belongs to a tenant; the rows of version 1 move to the
-- tenant 'default' unchanged. Pool names and request ids are unique per tenant, no longer server-wide.
-- SQLite cannot drop the inline UNIQUE (name) of pools nor change a primary key, so those two tables are
-- rebuilt (SQLite's documented 12-step procedure: the migrator runs this with foreign keys off and
-- checks them before the commit). Row ids are kept, so the seats and events still point at their pools.
-- A shipped migration is never edited: add 0003_*.sql instead.

CREATE TABLE pools_v2 (
    id                  INTEGER PRIMARY KEY,
    tenant              TEXT    NOT NULL DEFAULT 'default',
    name                TEXT    NOT NULL,
    customer_id         TEXT    NOT NULL DEFAULT '',
    total_seats         INTEGER NOT NULL CHECK (total_seats >= 0),
    min_seats           INTEGER NOT NULL DEFAULT 0 CHECK (min_seats >= 0),
    max_seats           INTEGER NOT NULL DEFAULT 0 CHECK (max_seats >= 0),
    occupied_seats      INTEGER NOT NULL DEFAULT 0 CHECK (occupied_seats >= 0 AND occupied_seats <= total_seats),
    last_event_sequence INTEGER NOT NULL DEFAULT 0,
    create_time         INTEGER NOT NULL,
    update_time         INTEGER NOT NULL,
    version             INTEGER NOT NULL,
    UNIQUE (tenant, name)
);

INSERT INTO pools_v2 (id, tenant, name, customer_id, total_seats, min_seats, max_seats, occupied_seats,
                      last_event_sequence, create_time, update_time, version)
SELECT id, 'default', name, customer_id, total_seats, min_seats, max_seats, occupied_seats,
       last_event_sequence, create_time, update_time, version
FROM pools;

DROP TABLE pools;
ALTER TABLE pools_v2 RENAME TO pools;

-- A seat's tenant is its pool's; kept on the row so that a lookup by seat id or token is scoped without a join.
ALTER TABLE seats ADD COLUMN tenant TEXT NOT NULL DEFAULT 'default';

DROP INDEX seats_claimed_by_customer;
CREATE INDEX seats_claimed_by_tenant_customer ON seats (tenant, customer_id, id)
    WHERE status = 'claimed';

ALTER TABLE seat_events ADD COLUMN tenant TEXT NOT NULL DEFAULT 'default';

-- The public id of the API key that made the change; NULL for the changes of version 1.
ALTER TABLE seat_events ADD COLUMN key_id TEXT;

CREATE TABLE idempotency_records_v2 (
    tenant      TEXT    NOT NULL DEFAULT 'default',
    request_id  TEXT    NOT NULL,
    operation   TEXT    NOT NULL,
    fingerprint BLOB    NOT NULL,
    response    BLOB    NOT NULL,
    create_time INTEGER NOT NULL,
    PRIMARY KEY (tenant, request_id)
);

INSERT INTO idempotency_records_v2 (tenant, request_id, operation, fingerprint, response, create_time)
SELECT 'default', request_id, operation, fingerprint, response, create_time
FROM idempotency_records;

DROP TABLE idempotency_records;
ALTER TABLE idempotency_records_v2 RENAME TO idempotency_records;
CREATE INDEX idempotency_records_by_time ON idempotency_records (create_time);

-- API keys: only the SHA-256 of the key is stored. scopes is a space-separated list (seats:read seats:write
-- seats:admin). key_id is the public id that lists, logs and seat events show.
CREATE TABLE api_keys (
    id          INTEGER PRIMARY KEY,
    key_id      TEXT    NOT NULL UNIQUE,
    tenant      TEXT    NOT NULL,
    key_hash    BLOB    NOT NULL UNIQUE,
    scopes      TEXT    NOT NULL,
    create_time INTEGER NOT NULL,
    expire_time INTEGER,
    revoke_time INTEGER,
    created_by  TEXT
);

CREATE INDEX api_keys_by_tenant ON api_keys (tenant, id);

-- Bumped by every change to api_keys, in the same transaction: each server polls this one row and reloads
-- its key cache when it moves, so a revocation reaches every replica within one poll.
CREATE TABLE api_keys_version (
    id      INTEGER PRIMARY KEY CHECK (id = 1),
    version INTEGER NOT NULL
);

INSERT INTO api_keys_version (id, version) VALUES (1, 0);
