-- SeatGrpc schema, version 2 (PostgreSQL): tenants and API keys. Same tables, columns and rules as
-- Migrations/Sqlite/0002_tenants_and_api_keys.sql.
-- Every pool, seat, event and idempotency record belongs to a tenant; the rows of version 1 move to the
-- tenant 'default' unchanged. Pool names and request ids are unique per tenant, no longer server-wide.
-- A shipped migration is never edited: add 0003_*.sql instead.

ALTER TABLE pools ADD COLUMN tenant text NOT NULL DEFAULT 'default';
ALTER TABLE pools DROP CONSTRAINT pools_name_key;
ALTER TABLE pools ADD CONSTRAINT pools_tenant_name_key UNIQUE (tenant, name);

-- A seat's tenant is its pool's; kept on the row so that a lookup by seat id or token is scoped without a join.
ALTER TABLE seats ADD COLUMN tenant text NOT NULL DEFAULT 'default';

DROP INDEX seats_claimed_by_customer;
CREATE INDEX seats_claimed_by_tenant_customer ON seats (tenant, customer_id, id)
    WHERE status = 'claimed';

ALTER TABLE seat_events ADD COLUMN tenant text NOT NULL DEFAULT 'default';

-- The public id of the API key that made the change; NULL for the changes of version 1.
ALTER TABLE seat_events ADD COLUMN key_id text;

ALTER TABLE idempotency_records ADD COLUMN tenant text NOT NULL DEFAULT 'default';
ALTER TABLE idempotency_records DROP CONSTRAINT idempotency_records_pkey;
ALTER TABLE idempotency_records ADD PRIMARY KEY (tenant, request_id);

-- API keys: only the SHA-256 of the key is stored. scopes is a space-separated list (seats:read seats:write
-- seats:admin). key_id is the public id that lists, logs and seat events show.
CREATE TABLE api_keys (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    key_id      text   NOT NULL UNIQUE,
    tenant      text   NOT NULL,
    key_hash    bytea  NOT NULL UNIQUE,
    scopes      text   NOT NULL,
    create_time bigint NOT NULL,
    expire_time bigint,
    revoke_time bigint,
    created_by  text
);

CREATE INDEX api_keys_by_tenant ON api_keys (tenant, id);

-- Bumped by every change to api_keys, in the same transaction: each server polls this one row and reloads
-- its key cache when it moves, so a revocation reaches every replica within one poll.
CREATE TABLE api_keys_version (
    id      bigint PRIMARY KEY CHECK (id = 1),
    version bigint NOT NULL
);

INSERT INTO api_keys_version (id, version) VALUES (1, 0);
