#!/usr/bin/env python3
"""Independent gRPC client (python3-grpcio) that checks SeatGrpc's API keys, scopes and tenant isolation.

Usage: seats_auth_client.py --stubs DIR --target 127.0.0.1:PORT --setup FILE SCENARIO [SCENARIO...]

DIR holds stubs generated at test time with protoc --python_out --grpc_out (grpc_python_plugin) from
protos/seats/v1/seats.proto and api_keys.proto with their imports (google/api/*, google/rpc/status.proto and
error_details.proto), so that seats.v1.seats_pb2 and google.rpc.error_details_pb2 import as packages.

FILE is JSON written by tests/SeatGrpc.Conformance.Tests (PythonAuthTests): the keys (admin, read, write,
expired, revoked, unknown, other_tenant) and the default tenant's pool, second pool, pending seat, its
invitation token and a customer with a claimed seat.

Each scenario calls every RPC of seats.v1.SeatService and seats.v1.ApiKeyService. Prints "PASS <scenario>"
for each scenario that holds; on the first mismatch prints "FAIL <scenario>: <what differs>" and exits 1.
"""

import argparse
import json
import sys

import grpc

TIMEOUT = 10.0
NO_POOL = "subscriptions/no-such-pool"
NO_SEAT = "seats/AAAAAAAAAAAAAAAAAAAAAA"
NO_KEY = "apiKeys/aaaaaaaaaaaa"
READ, WRITE, ADMIN = "seats:read", "seats:write", "seats:admin"


class Mismatch(Exception):
    pass


def expect(condition, message):
    if not condition:
        raise Mismatch(message)


def expect_equal(actual, expected, what):
    if actual != expected:
        raise Mismatch("%s: expected %r, got %r" % (what, expected, actual))


class Seats:
    def __init__(self, target, stubs, setup):
        sys.path.insert(0, stubs)
        from seats.v1 import seats_pb2, seats_pb2_grpc, api_keys_pb2, api_keys_pb2_grpc
        from google.rpc import status_pb2, error_details_pb2
        self.pb, self.keys_pb, self.status_pb2, self.details_pb2 = seats_pb2, api_keys_pb2, status_pb2, error_details_pb2
        self.channel = grpc.insecure_channel(target)
        self.seats = seats_pb2_grpc.SeatServiceStub(self.channel)
        self.keys = api_keys_pb2_grpc.ApiKeyServiceStub(self.channel)
        self.setup = setup

    # Every RPC with arguments that name nothing that exists, and the scope it needs.
    def rpcs(self):
        pb, kpb = self.pb, self.keys_pb
        batch = [pb.SeatChange(assign=pb.SeatChange.Assign(grantee=pb.Grantee(email="x@example.com")))]
        return [
            ("AssignSeat", WRITE, lambda md: self.seats.AssignSeat(pb.AssignSeatRequest(parent=NO_POOL, email="x@example.com"), metadata=md, timeout=TIMEOUT)),
            ("ListSeats", READ, lambda md: self.seats.ListSeats(pb.ListSeatsRequest(parent=NO_POOL), metadata=md, timeout=TIMEOUT)),
            ("GetSeat", READ, lambda md: self.seats.GetSeat(pb.GetSeatRequest(name=NO_SEAT), metadata=md, timeout=TIMEOUT)),
            ("RevokeSeat", WRITE, lambda md: self.seats.RevokeSeat(pb.RevokeSeatRequest(name=NO_SEAT), metadata=md, timeout=TIMEOUT)),
            ("ResendInvitation", WRITE, lambda md: self.seats.ResendInvitation(pb.ResendInvitationRequest(name=NO_SEAT), metadata=md, timeout=TIMEOUT)),
            ("ClaimSeat", WRITE, lambda md: self.seats.ClaimSeat(pb.ClaimSeatRequest(invitation_token="no-such-token"), metadata=md, timeout=TIMEOUT)),
            ("ListClaimedSubscriptions", READ, lambda md: self.seats.ListClaimedSubscriptions(
                pb.ListClaimedSubscriptionsRequest(customer="customers/nobody"), metadata=md, timeout=TIMEOUT)),
            ("ManageSeats", WRITE, lambda md: list(self.seats.ManageSeats(
                iter([pb.ManageSeatsRequest(parent=NO_POOL, changes=batch)]), metadata=md, timeout=TIMEOUT))),
            ("BatchManageSeats", WRITE, lambda md: self.seats.BatchManageSeats(
                pb.BatchManageSeatsRequest(parent=NO_POOL, changes=batch), metadata=md, timeout=TIMEOUT)),
            ("WatchSeatEvents", READ, lambda md: next(self.seats.WatchSeatEvents(
                pb.WatchSeatEventsRequest(parent=NO_POOL), metadata=md, timeout=TIMEOUT))),
            ("UpsertSeatPool", ADMIN, lambda md: self.seats.UpsertSeatPool(
                pb.UpsertSeatPoolRequest(pool=pb.SeatPool(name=NO_POOL, total_seats=1)), metadata=md, timeout=TIMEOUT)),
            ("GetSeatPool", READ, lambda md: self.seats.GetSeatPool(pb.GetSeatPoolRequest(name=NO_POOL), metadata=md, timeout=TIMEOUT)),
            ("CreateApiKey", ADMIN, lambda md: self.keys.CreateApiKey(
                kpb.CreateApiKeyRequest(api_key=kpb.ApiKey(scopes=[READ])), metadata=md, timeout=TIMEOUT)),
            ("ListApiKeys", ADMIN, lambda md: self.keys.ListApiKeys(kpb.ListApiKeysRequest(), metadata=md, timeout=TIMEOUT)),
            ("RevokeApiKey", ADMIN, lambda md: self.keys.RevokeApiKey(kpb.RevokeApiKeyRequest(name=NO_KEY), metadata=md, timeout=TIMEOUT)),
        ]

    @staticmethod
    def bearer(key):
        return [("authorization", "Bearer " + key)]

    def error_info(self, error):
        """The ErrorInfo in grpc-status-details-bin of a failed call, decoded by hand (no grpcio-status needed)."""
        details = dict(error.trailing_metadata() or ()).get("grpc-status-details-bin")
        expect(details is not None, "no grpc-status-details-bin in %s" % (error.code(),))
        status = self.status_pb2.Status.FromString(details)
        expect_equal(status.code, error.code().value[0], "google.rpc.Status code")
        expect_equal(status.message, error.details(), "google.rpc.Status message")
        for detail in status.details:
            info = self.details_pb2.ErrorInfo()
            if detail.Unpack(info):
                expect_equal(info.domain, "seats.v1", "ErrorInfo domain")
                return info
        raise Mismatch("no ErrorInfo among the details of %s" % (error.code(),))

    def refused(self, name, call, metadata, code, reason):
        try:
            result = call(metadata)
        except grpc.RpcError as error:
            expect_equal(error.code(), code, "%s status" % name)
            info = self.error_info(error)
            expect_equal(info.reason, reason, "%s ErrorInfo reason" % name)
            return info
        raise Mismatch("%s: expected %s, the call succeeded with %r" % (name, code, result))

    def every_rpc_refused(self, metadata, code, reason, only=None):
        for name, scope, call in self.rpcs():
            if only is None or only(scope):
                self.refused(name, call, metadata, code, reason)

    # --- scenarios --------------------------------------------------------------------------------
    def no_key(self):
        self.every_rpc_refused([], grpc.StatusCode.UNAUTHENTICATED, "API_KEY_MISSING")

    def unknown_key(self):
        self.every_rpc_refused(self.bearer(self.setup["unknown"]), grpc.StatusCode.UNAUTHENTICATED, "API_KEY_INVALID")

    def malformed(self):
        self.every_rpc_refused([("authorization", "Basic dXNlcjpwYXNzd29yZA==")], grpc.StatusCode.UNAUTHENTICATED, "API_KEY_MALFORMED")

    def expired(self):
        self.every_rpc_refused(self.bearer(self.setup["expired"]), grpc.StatusCode.UNAUTHENTICATED, "API_KEY_EXPIRED")

    def revoked(self):
        self.every_rpc_refused(self.bearer(self.setup["revoked"]), grpc.StatusCode.UNAUTHENTICATED, "API_KEY_REVOKED")

    def missing_scope(self):
        for name, scope, call in self.rpcs():
            if scope != READ:
                info = self.refused(name, call, self.bearer(self.setup["read"]), grpc.StatusCode.PERMISSION_DENIED, "SCOPE_MISSING")
                expect_equal(info.metadata["required_scope"], scope, "%s required_scope" % name)
            if scope == ADMIN:
                self.refused(name, call, self.bearer(self.setup["write"]), grpc.StatusCode.PERMISSION_DENIED, "SCOPE_MISSING")

    def scopes_granted(self):
        # A read key reads, a write key writes (and reads): each answers NOT_FOUND for the names that do not exist.
        for name, scope, call in self.rpcs():
            if scope == ADMIN:
                continue
            key = self.setup["read"] if scope == READ else self.setup["write"]
            if name == "ListClaimedSubscriptions":
                expect_equal(len(call(self.bearer(key)).claimed_subscriptions), 0, name)
            elif name == "ManageSeats":
                expect_equal(call(self.bearer(key))[0].error.code, grpc.StatusCode.NOT_FOUND.value[0], name)
            elif name == "ClaimSeat":
                self.refused(name, call, self.bearer(key), grpc.StatusCode.FAILED_PRECONDITION, "INVALID_INVITATION_TOKEN")
            else:
                try:
                    call(self.bearer(key))
                    raise Mismatch("%s: the call on missing names succeeded" % name)
                except grpc.RpcError as error:
                    expect_equal(error.code(), grpc.StatusCode.NOT_FOUND, "%s status" % name)

    def other_tenant(self):
        s, pb, kpb = self.setup, self.pb, self.keys_pb
        other = self.bearer(s["other_tenant"])
        admin = self.bearer(s["admin"])
        pool, seat = s["pool"], s["pending_seat"]
        batch = [pb.SeatChange(assign=pb.SeatChange.Assign(grantee=pb.Grantee(email="intruder@example.com")))]
        not_found = grpc.StatusCode.NOT_FOUND
        self.refused("GetSeatPool", lambda md: self.seats.GetSeatPool(pb.GetSeatPoolRequest(name=pool), metadata=md, timeout=TIMEOUT),
                     other, not_found, "POOL_NOT_FOUND")
        self.refused("ListSeats", lambda md: self.seats.ListSeats(pb.ListSeatsRequest(parent=pool), metadata=md, timeout=TIMEOUT),
                     other, not_found, "POOL_NOT_FOUND")
        self.refused("AssignSeat", lambda md: self.seats.AssignSeat(pb.AssignSeatRequest(parent=pool, email="i@example.com"), metadata=md, timeout=TIMEOUT),
                     other, not_found, "POOL_NOT_FOUND")
        self.refused("BatchManageSeats", lambda md: self.seats.BatchManageSeats(pb.BatchManageSeatsRequest(parent=pool, changes=batch), metadata=md, timeout=TIMEOUT),
                     other, not_found, "POOL_NOT_FOUND")
        self.refused("WatchSeatEvents", lambda md: next(self.seats.WatchSeatEvents(pb.WatchSeatEventsRequest(parent=pool), metadata=md, timeout=TIMEOUT)),
                     other, not_found, "POOL_NOT_FOUND")
        answers = list(self.seats.ManageSeats(iter([pb.ManageSeatsRequest(parent=pool, changes=batch)]), metadata=other, timeout=TIMEOUT))
        expect_equal([a.error.code for a in answers], [not_found.value[0]], "ManageSeats batch error")
        self.refused("GetSeat", lambda md: self.seats.GetSeat(pb.GetSeatRequest(name=seat), metadata=md, timeout=TIMEOUT),
                     other, not_found, "SEAT_NOT_FOUND")
        self.refused("RevokeSeat", lambda md: self.seats.RevokeSeat(pb.RevokeSeatRequest(name=seat), metadata=md, timeout=TIMEOUT),
                     other, not_found, "SEAT_NOT_FOUND")
        self.refused("ResendInvitation", lambda md: self.seats.ResendInvitation(pb.ResendInvitationRequest(name=seat), metadata=md, timeout=TIMEOUT),
                     other, not_found, "SEAT_NOT_FOUND")
        self.refused("ClaimSeat", lambda md: self.seats.ClaimSeat(pb.ClaimSeatRequest(invitation_token=s["pending_token"]), metadata=md, timeout=TIMEOUT),
                     other, grpc.StatusCode.FAILED_PRECONDITION, "INVALID_INVITATION_TOKEN")
        claimed = self.seats.ListClaimedSubscriptions(
            pb.ListClaimedSubscriptionsRequest(customer="customers/" + s["claimed_customer"]), metadata=other, timeout=TIMEOUT)
        expect_equal(len(claimed.claimed_subscriptions), 0, "ListClaimedSubscriptions of another tenant's customer")
        mine = self.seats.ListClaimedSubscriptions(
            pb.ListClaimedSubscriptionsRequest(customer="customers/" + s["claimed_customer"]), metadata=admin, timeout=TIMEOUT)
        expect_equal([c.pool.name for c in mine.claimed_subscriptions], [pool], "ListClaimedSubscriptions of the own tenant")
        listed = self.keys.ListApiKeys(kpb.ListApiKeysRequest(), metadata=other, timeout=TIMEOUT)
        expect(all(k.tenant == s["other_tenant_name"] for k in listed.api_keys), "ListApiKeys showed another tenant's key")
        self.refused("RevokeApiKey", lambda md: self.keys.RevokeApiKey(kpb.RevokeApiKeyRequest(name=s["read_key_name"]), metadata=md, timeout=TIMEOUT),
                     other, not_found, "API_KEY_NOT_FOUND")
        created = self.keys.CreateApiKey(kpb.CreateApiKeyRequest(api_key=kpb.ApiKey(scopes=[READ])), metadata=other, timeout=TIMEOUT)
        expect_equal(created.api_key.tenant, s["other_tenant_name"], "CreateApiKey tenant")
        theirs = self.seats.UpsertSeatPool(pb.UpsertSeatPoolRequest(pool=pb.SeatPool(name=s["second_pool"], total_seats=9)), metadata=other, timeout=TIMEOUT)
        expect_equal((theirs.pool.total_seats, theirs.pool.occupied_seats), (9, 0), "UpsertSeatPool of a name another tenant uses")
        unchanged = self.seats.GetSeatPool(pb.GetSeatPoolRequest(name=s["second_pool"]), metadata=admin, timeout=TIMEOUT)
        expect_equal(unchanged.pool.total_seats, s["second_pool_seats"], "the default tenant's pool of that name")
        still = self.seats.GetSeat(pb.GetSeatRequest(name=seat), metadata=admin, timeout=TIMEOUT)
        expect_equal(still.seat.status, pb.SEAT_STATUS_PENDING, "the default tenant's seat after another tenant's calls")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--stubs", required=True)
    parser.add_argument("--target", required=True)
    parser.add_argument("--setup", required=True)
    parser.add_argument("scenarios", nargs="+")
    args = parser.parse_args()
    with open(args.setup) as f:
        setup = json.load(f)
    client = Seats(args.target, args.stubs, setup)
    for scenario in args.scenarios:
        try:
            getattr(client, scenario)()
        except (Mismatch, grpc.RpcError) as failure:
            print("FAIL %s: %s" % (scenario, failure))
            return 1
        print("PASS %s" % scenario)
    return 0


if __name__ == "__main__":
    sys.exit(main())
