-- SeatGrpc schema, version 4 (PostgreSQL): drops the index seats_by_pool (pool_id, id). Same change as
-- Migrations/Sqlite/0004_drop_seats_by_pool.sql.
-- Every new seat paid an insert into it, and no query reads it since ListSeats without a status merges the pending
-- and the claimed runs of seats_by_pool_status (pool_id, status, id) instead of walking the pool's seats in id order.
-- Every other seat statement finds its rows by id, public_id, a grantee's partial unique index or the
-- claimed-by-customer index. The foreign key's lookup of a pool's seats (run only when a pool row is deleted or its
-- id changes, which the server never does) takes the pool_id prefix of seats_by_pool_status.
-- A shipped migration is never edited: add 0005_*.sql instead.

DROP INDEX seats_by_pool;
