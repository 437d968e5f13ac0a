-- SeatGrpc schema, version 3 (PostgreSQL): invitation tokens that name their seat. Same change as
-- Migrations/Sqlite/0003_seat_named_tokens.sql.
-- A token is now '<seat public id>.<secret>', so a claim finds its seat through the unique public_id index and
-- checks token_hash (still the SHA-256 of the whole token) on that one row. The unique index on token_hash went:
-- each pending seat put a random hash in it, one random index page dirtied per AssignSeat.
-- The tokens of version 2 (43 characters, no '.') keep working until they expire: their rows are marked
-- legacy_token and found through a partial index that holds only those rows, which new seats never touch.
-- Resending an invitation, claiming and revoking clear the mark, so the index only shrinks.
-- A shipped migration is never edited: add 0004_*.sql instead.

ALTER TABLE seats ADD COLUMN legacy_token boolean NOT NULL DEFAULT false;

UPDATE seats SET legacy_token = true WHERE token_hash IS NOT NULL;

DROP INDEX seats_by_token_hash;
CREATE UNIQUE INDEX seats_by_legacy_token_hash ON seats (token_hash)
    WHERE legacy_token;
