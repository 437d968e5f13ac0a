#!/usr/bin/env python3
"""Independent gRPC server (python3-grpcio) for testing SeatGrpc's C# client.

Implements grpc.testing.echo.v1.EchoService from tests/SeatGrpc.Conformance.Tests/Protos/echo.proto.
The stubs are generated at test time into --stubs (protoc --python_out --grpc_python_out).
Prints "READY <port>" on stdout once it listens on 127.0.0.1.

Behaviours are chosen by request metadata, so the test proto stays plain:
  x-test-status: <int>          end the call with this status code (after the normal messages of
                                a stream, or with none for unary/client streaming calls)
  x-test-message-bin: <bytes>   the status message, UTF-8 (binary so it can hold non-ASCII)
  x-test-details-bin: <bytes>   sent back as the grpc-status-details-bin trailer
  x-test-sleep-ms: <int>        sleep before answering (deadline tests)
  x-test-echo-metadata: 1       send every x-echo-* request entry back as a header, and as a
                                trailer renamed x-echo-trailer-*
  x-test-gzip: 1                gzip-compress the response messages
  x-test-peer: 1                Echo answers with the caller's peer address
  x-test-time-remaining: 1      Echo answers with the seconds left before the deadline
  x-test-cancel-id: <id>        Expand streams slowly and records whether the call was cancelled
  x-test-query-cancel: <id>     Echo answers "cancelled" or "not-cancelled" for that id, waiting up to
                                x-test-query-wait-ms (default 5000) for the cancellation to arrive
"""

import argparse
import sys
import threading
import time
from concurrent import futures

import grpc

_cancel_events = {}
_cancel_lock = threading.Lock()


def _cancel_event(cancel_id):
    with _cancel_lock:
        return _cancel_events.setdefault(cancel_id, threading.Event())


def _metadata(context):
    return {key: value for key, value in context.invocation_metadata()}


def _prepare(context):
    """Applies the behaviours that act before any message; returns the metadata dict."""
    md = _metadata(context)
    if md.get("x-test-gzip") == "1":
        context.set_compression(grpc.Compression.Gzip)
    if md.get("x-test-echo-metadata") == "1":
        echoed = [(k, v) for k, v in context.invocation_metadata() if k.startswith("x-echo-")]
        context.send_initial_metadata(echoed)
        context.set_trailing_metadata(
            [("x-echo-trailer-" + k[len("x-echo-"):], v) for k, v in echoed])
    sleep_ms = md.get("x-test-sleep-ms")
    if sleep_ms:
        deadline = time.monotonic() + int(sleep_ms) / 1000.0
        while time.monotonic() < deadline and context.is_active():
            time.sleep(0.01)
    return md


def _finish(context, md):
    """Ends the call with the requested status, if any."""
    code = md.get("x-test-status")
    if code is None:
        return
    status = next(c for c in grpc.StatusCode if c.value[0] == int(code))
    message = md.get("x-test-message-bin", b"").decode("utf-8")
    details = md.get("x-test-details-bin")
    if details is not None:
        context.set_trailing_metadata([("grpc-status-details-bin", details)])
    context.set_code(status)
    context.set_details(message)


def build_servicer(echo_pb2, echo_pb2_grpc):
    class EchoServicer(echo_pb2_grpc.EchoServiceServicer):
        def Echo(self, request, context):
            md = _prepare(context)
            message = request.message
            if md.get("x-test-peer") == "1":
                message = context.peer()
            elif md.get("x-test-time-remaining") == "1":
                remaining = context.time_remaining()
                message = "none" if remaining is None else "%.3f" % remaining
            elif "x-test-query-cancel" in md:
                wait = int(md.get("x-test-query-wait-ms", "5000")) / 1000.0
                cancelled = _cancel_event(md["x-test-query-cancel"]).wait(wait)
                message = "cancelled" if cancelled else "not-cancelled"
            _finish(context, md)
            return echo_pb2.EchoResponse(message=message)

        def Expand(self, request, context):
            md = _prepare(context)
            cancel_id = md.get("x-test-cancel-id")
            if cancel_id is not None:
                state = {"done": False}
                event = _cancel_event(cancel_id)

                def on_end():
                    if not state["done"]:
                        event.set()

                context.add_callback(on_end)
            for i in range(request.count):
                if cancel_id is not None:
                    time.sleep(0.05)
                    if not context.is_active():
                        return
                yield echo_pb2.ExpandResponse(message="%s-%d" % (request.message, i))
            if cancel_id is not None:
                state["done"] = True
            _finish(context, md)

        def Collect(self, request_iterator, context):
            md = _prepare(context)
            joined = ",".join(r.message for r in request_iterator)
            _finish(context, md)
            return echo_pb2.CollectResponse(message=joined)

        def Chat(self, request_iterator, context):
            md = _prepare(context)
            for request in request_iterator:
                yield echo_pb2.ChatResponse(message=request.message)
            _finish(context, md)

    return EchoServicer()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--stubs", required=True, help="directory holding echo_pb2*.py")
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--tls-cert", help="PEM certificate: serve TLS (ALPN h2) instead of h2c")
    parser.add_argument("--tls-key", help="PEM private key of --tls-cert")
    args = parser.parse_args()
    sys.path.insert(0, args.stubs)
    import echo_pb2
    import echo_pb2_grpc

    server = grpc.server(
        futures.ThreadPoolExecutor(max_workers=256),
        options=[("grpc.max_concurrent_streams", 256)])
    echo_pb2_grpc.add_EchoServiceServicer_to_server(build_servicer(echo_pb2, echo_pb2_grpc), server)
    address = "127.0.0.1:%d" % args.port
    if args.tls_cert:
        with open(args.tls_key, "rb") as key, open(args.tls_cert, "rb") as cert:
            credentials = grpc.ssl_server_credentials([(key.read(), cert.read())])
        port = server.add_secure_port(address, credentials)
    else:
        port = server.add_insecure_port(address)
    server.start()
    print("READY %d" % port, flush=True)
    # Exit when the test closes stdin, or when it kills the process.
    try:
        sys.stdin.read()
    finally:
        server.stop(0)


if __name__ == "__main__":
    main()
