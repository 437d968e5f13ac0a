#!/usr/bin/env python3
"""Independent gRPC client (python3-grpcio) that checks SeatGrpc's server against grpc's protocol.

Usage: conformance_client.py --stubs DIR --target 127.0.0.1:PORT SCENARIO [SCENARIO...]

DIR holds stubs generated at test time with protoc --python_out --grpc_out (grpc_python_plugin):
echo_pb2*.py (tests/SeatGrpc.Conformance.Tests/Protos/echo.proto), health_pb2*.py and reflection_pb2*.py
(copied to the top level of a temporary include dir, so their module names do not clash with the grpc
package), and status_pb2.py / error_details_pb2.py (google/rpc, messages only).

The server is tests/SeatGrpc.Conformance.Tests' ConformanceEchoService, whose behaviours are chosen by
request metadata (the same names as tests/conformance/python/echo_server.py):
  x-test-status / x-test-message-bin / x-test-details-bin  end the call with that status
  x-test-sleep-ms            sleep (observing cancellation) before answering
  x-test-echo-metadata: 1    send x-echo-* back as headers and as x-echo-trailer-* trailers
  x-test-cancel-id: ID       Expand streams slowly and records whether the call was cancelled
  x-test-query-cancel: ID    Echo answers "cancelled" or "not-cancelled" for that id (waits up to 5 s)
  x-test-call-id: ID         the server records the call's grpc-encoding headers under ID
  x-test-query-encoding: ID  Echo answers "request=<enc> response=<enc>" for that id

Prints "PASS <scenario>" for each scenario that holds; on the first mismatch prints
"FAIL <scenario>: <what differs>" to stdout and exits with status 1.
"""

import argparse
import sys
import time
import uuid

import grpc

TIMEOUT = 10.0


class Mismatch(Exception):
    pass


def expect(condition, message):
    if not condition:
        raise Mismatch(message)


def expect_equal(actual, expected, what):
    if actual != expected:
        raise Mismatch("%s: expected %r, got %r" % (what, expected, actual))


def expect_rpc_error(call, code, what):
    """Runs call(); expects a grpc.RpcError with this code; returns the error."""
    try:
        result = call()
    except grpc.RpcError as error:
        expect_equal(error.code(), code, what + " status")
        return error
    raise Mismatch("%s: expected %s, the call succeeded with %r" % (what, code, result))


class Scenarios:
    def __init__(self, channel, modules):
        self.channel = channel
        self.m = modules
        self.echo = modules["echo_pb2_grpc"].EchoServiceStub(channel)

    # --- the four kinds -------------------------------------------------------------------------
    def unary(self):
        reply = self.echo.Echo(self.m["echo_pb2"].EchoRequest(message="hello ünïcode"), timeout=TIMEOUT)
        expect_equal(reply.message, "hello ünïcode", "Echo reply")

    def server_streaming(self):
        replies = [r.message for r in self.echo.Expand(
            self.m["echo_pb2"].ExpandRequest(message="m", count=5), timeout=TIMEOUT)]
        expect_equal(replies, ["m-0", "m-1", "m-2", "m-3", "m-4"], "Expand replies")

    def client_streaming(self):
        requests = (self.m["echo_pb2"].CollectRequest(message=str(i)) for i in range(4))
        reply = self.echo.Collect(requests, timeout=TIMEOUT)
        expect_equal(reply.message, "0,1,2,3", "Collect reply")

    def client_streaming_empty(self):
        reply = self.echo.Collect(iter(()), timeout=TIMEOUT)
        expect_equal(reply.message, "", "Collect reply to no messages")

    def bidi_streaming(self):
        # Ping-pong: each request is sent only after the previous answer arrived, so the server must
        # answer each message as it comes rather than after the client's half-close.
        import queue
        outgoing = queue.Queue()
        call = self.echo.Chat(iter(outgoing.get, None), timeout=TIMEOUT)
        for i in range(3):
            outgoing.put(self.m["echo_pb2"].ChatRequest(message="ping-%d" % i))
            expect_equal(next(call).message, "ping-%d" % i, "Chat reply %d" % i)
        outgoing.put(None)
        expect_equal(list(call), [], "Chat replies after half-close")
        expect_equal(call.code(), grpc.StatusCode.OK, "Chat status")

    # --- deadlines and cancellation -------------------------------------------------------------
    def deadline(self):
        call_id = uuid.uuid4().hex
        started = time.monotonic()
        expect_rpc_error(lambda: self.echo.Echo(
            self.m["echo_pb2"].EchoRequest(message="slow"), timeout=0.3,
            metadata=[("x-test-sleep-ms", "5000"), ("x-test-cancel-id", call_id)]),
            grpc.StatusCode.DEADLINE_EXCEEDED, "Echo past its deadline")
        elapsed = time.monotonic() - started
        expect(elapsed < 3, "DEADLINE_EXCEEDED came after %.1f s, not near the 0.3 s deadline" % elapsed)
        # The server's handler must have seen its cancellation token fire.
        reply = self.echo.Echo(self.m["echo_pb2"].EchoRequest(), timeout=TIMEOUT,
                               metadata=[("x-test-query-cancel", call_id)])
        expect_equal(reply.message, "cancelled", "server-side cancellation at the deadline")

    def server_deadline_header(self):
        # A deadline far away must not fire: the call succeeds.
        reply = self.echo.Echo(self.m["echo_pb2"].EchoRequest(message="x"), timeout=30,
                               metadata=[("x-test-sleep-ms", "100")])
        expect_equal(reply.message, "x", "Echo with a distant deadline")

    def cancellation(self):
        call_id = uuid.uuid4().hex
        call = self.echo.Expand(self.m["echo_pb2"].ExpandRequest(message="c", count=1000), timeout=TIMEOUT,
                                metadata=[("x-test-cancel-id", call_id)])
        expect_equal(next(call).message, "c-0", "first streamed message")
        call.cancel()
        expect_equal(call.code(), grpc.StatusCode.CANCELLED, "client-side status after cancel()")
        reply = self.echo.Echo(self.m["echo_pb2"].EchoRequest(), timeout=TIMEOUT,
                               metadata=[("x-test-query-cancel", call_id)])
        expect_equal(reply.message, "cancelled", "server-side observation of the cancellation")

    # --- metadata -------------------------------------------------------------------------------
    def metadata(self):
        binary = bytes([0, 1, 2, 0xFE, 0xFF]) + "é".encode("utf-8")
        reply, call = self.echo.Echo.with_call(
            self.m["echo_pb2"].EchoRequest(message="md"), timeout=TIMEOUT,
            metadata=[("x-test-echo-metadata", "1"), ("x-echo-text", "plain value"), ("x-echo-data-bin", binary)])
        expect_equal(reply.message, "md", "Echo reply")
        headers = dict(call.initial_metadata())
        trailers = dict(call.trailing_metadata())
        expect_equal(headers.get("x-echo-text"), "plain value", "echoed ASCII header")
        expect_equal(headers.get("x-echo-data-bin"), binary, "echoed -bin header")
        expect_equal(trailers.get("x-echo-trailer-text"), "plain value", "echoed ASCII trailer")
        expect_equal(trailers.get("x-echo-trailer-data-bin"), binary, "echoed -bin trailer")

    def metadata_streaming(self):
        call = self.echo.Expand(self.m["echo_pb2"].ExpandRequest(message="s", count=2), timeout=TIMEOUT,
                                metadata=[("x-test-echo-metadata", "1"), ("x-echo-k", "v")])
        expect_equal([r.message for r in call], ["s-0", "s-1"], "Expand replies")
        expect_equal(dict(call.initial_metadata()).get("x-echo-k"), "v", "echoed header on a stream")
        expect_equal(dict(call.trailing_metadata()).get("x-echo-trailer-k"), "v", "echoed trailer on a stream")

    # --- status, message and details -------------------------------------------------------------
    def status_details(self):
        status_pb2, error_details_pb2 = self.m["status_pb2"], self.m["error_details_pb2"]
        message = "No seats left — 100% taken: ünïcode, \"quotes\" and a\nnewline"
        info = error_details_pb2.ErrorInfo(reason="NO_SEATS_AVAILABLE", domain="seats.v1", metadata={"pool": "subscriptions/1"})
        details = status_pb2.Status(code=9, message=message)
        details.details.add().Pack(info)
        error = expect_rpc_error(lambda: self.echo.Echo(
            self.m["echo_pb2"].EchoRequest(message="x"), timeout=TIMEOUT,
            metadata=[("x-test-status", "9"), ("x-test-message-bin", message.encode("utf-8")),
                      ("x-test-details-bin", details.SerializeToString())]),
            grpc.StatusCode.FAILED_PRECONDITION, "Echo with a status")
        expect_equal(error.details(), message, "grpc-message (percent-decoded)")
        raw = dict(error.trailing_metadata()).get("grpc-status-details-bin")
        expect(raw is not None, "no grpc-status-details-bin trailer")
        decoded = status_pb2.Status.FromString(raw)
        expect_equal(decoded.code, 9, "google.rpc.Status code")
        expect_equal(decoded.message, message, "google.rpc.Status message")
        expect_equal(len(decoded.details), 1, "number of details")
        got = error_details_pb2.ErrorInfo()
        expect(decoded.details[0].Unpack(got), "the detail is not an ErrorInfo: " + decoded.details[0].type_url)
        expect_equal((got.reason, got.domain, dict(got.metadata)),
                     ("NO_SEATS_AVAILABLE", "seats.v1", {"pool": "subscriptions/1"}), "ErrorInfo")

    def status_after_stream(self):
        call = self.echo.Expand(self.m["echo_pb2"].ExpandRequest(message="e", count=2), timeout=TIMEOUT,
                                metadata=[("x-test-status", "10"), ("x-test-message-bin", b"aborted late")])
        received = []
        try:
            for reply in call:
                received.append(reply.message)
        except grpc.RpcError as error:
            expect_equal(error.code(), grpc.StatusCode.ABORTED, "status after the messages")
            expect_equal(error.details(), "aborted late", "message after the messages")
        else:
            raise Mismatch("the stream ended with OK, expected ABORTED")
        expect_equal(received, ["e-0", "e-1"], "messages before the status")

    # --- compression ----------------------------------------------------------------------------
    def _encodings(self, call_id):
        reply = self.echo.Echo(self.m["echo_pb2"].EchoRequest(), timeout=TIMEOUT,
                               metadata=[("x-test-query-encoding", call_id)])
        return reply.message

    def gzip_request(self):
        call_id = uuid.uuid4().hex
        text = "compressible " * 2000
        reply = self.echo.Echo(self.m["echo_pb2"].EchoRequest(message=text), timeout=TIMEOUT,
                               compression=grpc.Compression.Gzip, metadata=[("x-test-call-id", call_id)])
        expect_equal(reply.message, text, "Echo reply to a gzip request")
        encodings = self._encodings(call_id)
        expect(encodings.startswith("request=gzip "), "the request was not sent gzip-compressed: " + encodings)

    def gzip_response(self):
        # The server compresses its responses when the call asks for it (x-test-gzip), like grpc's
        # per-call compression; Python must decode them transparently.
        call_id = uuid.uuid4().hex
        text = "compressible " * 2000
        replies = [r.message for r in self.echo.Expand(
            self.m["echo_pb2"].ExpandRequest(message=text, count=3), timeout=TIMEOUT,
            metadata=[("x-test-gzip", "1"), ("x-test-call-id", call_id)])]
        expect_equal(replies, ["%s-%d" % (text, i) for i in range(3)], "gzip-compressed Expand replies")
        encodings = self._encodings(call_id)
        expect(encodings.endswith(" response=gzip"), "the response was not gzip-compressed: " + encodings)

    def gzip_both_ways_bidi(self):
        requests = [self.m["echo_pb2"].ChatRequest(message=("z" * 1000) + str(i)) for i in range(3)]
        replies = [r.message for r in self.echo.Chat(iter(requests), timeout=TIMEOUT,
                                                     compression=grpc.Compression.Gzip,
                                                     metadata=[("x-test-gzip", "1")])]
        expect_equal(replies, [r.message for r in requests], "gzip Chat replies")

    # --- protocol errors ------------------------------------------------------------------------
    def unknown_method(self):
        identity = lambda b: b
        for path in ("/grpc.testing.echo.v1.EchoService/NoSuchMethod", "/no.such.Service/Echo"):
            call = self.channel.unary_unary(path, request_serializer=identity, response_deserializer=identity)
            expect_rpc_error(lambda: call(b"", timeout=TIMEOUT), grpc.StatusCode.UNIMPLEMENTED, path)

    def oversize_message(self):
        big = "x" * (4 * 1024 * 1024 + 1)
        expect_rpc_error(lambda: self.echo.Echo(self.m["echo_pb2"].EchoRequest(message=big), timeout=TIMEOUT),
                         grpc.StatusCode.RESOURCE_EXHAUSTED, "Echo of a message over 4 MiB")
        # The connection survives: the next call works.
        self.unary()

    def concurrent_calls(self):
        import concurrent.futures
        def one(i):
            return self.echo.Echo(self.m["echo_pb2"].EchoRequest(message=str(i)), timeout=TIMEOUT).message
        with concurrent.futures.ThreadPoolExecutor(max_workers=16) as pool:
            results = list(pool.map(one, range(64)))
        expect_equal(results, [str(i) for i in range(64)], "64 concurrent Echo replies")

    # --- health ---------------------------------------------------------------------------------
    def health(self):
        health_pb2, health_pb2_grpc = self.m["health_pb2"], self.m["health_pb2_grpc"]
        stub = health_pb2_grpc.HealthStub(self.channel)
        serving = health_pb2.HealthCheckResponse.SERVING
        expect_equal(stub.Check(health_pb2.HealthCheckRequest(service=""), timeout=TIMEOUT).status, serving, "Check('')")
        expect_equal(stub.Check(health_pb2.HealthCheckRequest(service="grpc.testing.echo.v1.EchoService"),
                                timeout=TIMEOUT).status, serving, "Check(EchoService)")
        expect_rpc_error(lambda: stub.Check(health_pb2.HealthCheckRequest(service="no.such.Service"), timeout=TIMEOUT),
                         grpc.StatusCode.NOT_FOUND, "Check(unknown service)")
        watch = stub.Watch(health_pb2.HealthCheckRequest(service=""), timeout=TIMEOUT)
        expect_equal(next(watch).status, serving, "first Watch('') message")
        watch.cancel()
        unknown = stub.Watch(health_pb2.HealthCheckRequest(service="no.such.Service"), timeout=TIMEOUT)
        expect_equal(next(unknown).status, health_pb2.HealthCheckResponse.SERVICE_UNKNOWN, "first Watch(unknown) message")
        unknown.cancel()

    # --- reflection: python's own descriptor pool must accept every file we send -----------------
    def reflection(self):
        from google.protobuf import descriptor_pb2, descriptor_pool
        reflection_pb2, reflection_pb2_grpc = self.m["reflection_pb2"], self.m["reflection_pb2_grpc"]
        stub = reflection_pb2_grpc.ServerReflectionStub(self.channel)
        R = reflection_pb2.ServerReflectionRequest
        requests = [R(list_services=""), R(file_containing_symbol="grpc.testing.echo.v1.EchoService"),
                    R(file_containing_symbol="no.such.Symbol"), R(file_by_filename="grpc/health/v1/health.proto")]
        responses = list(stub.ServerReflectionInfo(iter(requests), timeout=TIMEOUT))
        expect_equal(len(responses), 4, "number of reflection answers")
        names = sorted(s.name for s in responses[0].list_services_response.service)
        for expected in ("grpc.health.v1.Health", "grpc.reflection.v1.ServerReflection",
                         "grpc.reflection.v1alpha.ServerReflection", "grpc.testing.echo.v1.EchoService"):
            expect(expected in names, "list_services lacks %s: %r" % (expected, names))
        for index in (1, 3):
            files = [descriptor_pb2.FileDescriptorProto.FromString(b)
                     for b in responses[index].file_descriptor_response.file_descriptor_proto]
            pool = descriptor_pool.DescriptorPool()
            pending = {f.name: f for f in files}
            while pending:  # add each file after its dependencies; a missing one never becomes addable
                ready = [f for f in pending.values() if all(d not in pending for d in f.dependency)]
                expect(ready, "unresolvable dependencies among %r" % sorted(pending))
                for f in ready:
                    pool.Add(f)
                    del pending[f.name]
            missing = [d for f in files for d in f.dependency if d not in {g.name for g in files}]
            expect(not missing, "answer %d lacks dependencies %r" % (index, missing))
        pool_service = descriptor_pb2.FileDescriptorProto.FromString(
            responses[1].file_descriptor_response.file_descriptor_proto[0])
        expect_equal(pool_service.name, "echo.proto", "file containing EchoService")
        expect_equal(responses[2].error_response.error_code, grpc.StatusCode.NOT_FOUND.value[0], "unknown symbol error code")


def load_modules(stubs):
    sys.path.insert(0, stubs)
    import echo_pb2, echo_pb2_grpc, health_pb2, health_pb2_grpc, reflection_pb2, reflection_pb2_grpc  # noqa: E401
    import status_pb2, error_details_pb2  # noqa: E401
    return {name: module for name, module in locals().items() if name.endswith("_pb2") or name.endswith("_grpc")}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--stubs", required=True)
    parser.add_argument("--target", required=True)
    parser.add_argument("scenarios", nargs="+")
    args = parser.parse_args()
    modules = load_modules(args.stubs)
    with grpc.insecure_channel(args.target, options=[("grpc.enable_retries", 0)]) as channel:
        grpc.channel_ready_future(channel).result(timeout=TIMEOUT)
        scenarios = Scenarios(channel, modules)
        for name in args.scenarios:
            method = getattr(scenarios, name, None)
            if method is None or name.startswith("_"):
                print("FAIL %s: no such scenario" % name, flush=True)
                return 2
            try:
                method()
            except Mismatch as mismatch:
                print("FAIL %s: %s" % (name, mismatch), flush=True)
                return 1
            except grpc.RpcError as error:
                print("FAIL %s: unexpected %s %r" % (name, error.code(), error.details()), flush=True)
                return 1
            print("PASS %s" % name, flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
