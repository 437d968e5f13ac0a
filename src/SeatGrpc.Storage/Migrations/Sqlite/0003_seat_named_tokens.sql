-- SeatGrpc schema, version 3 (SQLite): invitation tokens that name their seat.
-- A token is now '<seat public id>.<secret>', so a claim finds its seat through the unique public_id index and
-- checks token_hash (still the SHA-256 of the whole token) on that one row. The unique index on token_hash went:
-- each pending seat put a random hash in it, so every AssignSeat dirtied one random index page that was written
-- to the WAL at every commit.
-- The tokens of version 2 (43 characters, no '.') keep working until they expire: their rows are marked
-- legacy_token = 1 and found through a partial index that holds only those rows, which new seats never touch.
-- Resending an invitation, claiming and revoking clear the mark, so the index only shrinks.
-- A shipped migration is never edited: add 0004_*.sql instead.

ALTER TABLE seats ADD COLUMN legacy_token INTEGER NOT NULL DEFAULT 0 CHECK (legacy_token IN (0, 1));

UPDATE seats SET legacy_token = 1 WHERE token_hash IS NOT NULL;

DROP INDEX seats_by_token_hash;
-- The bare column, as in PostgreSQL's boolean index: the claim's WHERE names it the same way on both engines, and
-- SQLite uses a partial index only for a query whose WHERE contains the index's condition as written.
CREATE UNIQUE INDEX seats_by_legacy_token_hash ON seats (token_hash)
    WHERE legacy_token;
