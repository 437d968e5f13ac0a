-- SeatGrpc schema, version 4 (SQLite): drops the index seats_by_pool (pool_id, id).
-- Every new seat paid an insert into it, and no query reads it since ListSeats without a status merges the pending
-- and the claimed runs of seats_by_pool_status (pool_id, status, id) instead of walking the pool's seats in id order.
-- Every other seat statement finds its rows by id, public_id, a grantee's partial unique index or the
-- claimed-by-customer index. The only plan that still named it was the foreign-key lookup of a pool's seats that
-- SQLite compiles into the pool INSERT and skips at run time (while no foreign key is violated); that lookup now
-- takes the pool_id prefix of seats_by_pool_status.
-- A shipped migration is never edited: add 0005_*.sql instead.

DROP INDEX seats_by_pool;
