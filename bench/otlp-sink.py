#!/usr/bin/python3
"""An OTLP/gRPC endpoint that accepts every export and keeps nothing, for measuring the cost of telemetry.

Usage: bench/otlp-sink.py PORT   (Debian python3 with python3-grpcio)
Then: OTEL_EXPORTER_OTLP_ENDPOINT=http://127.0.0.1:PORT bench/unary-ratio.sh
It answers each Export (traces, metrics, logs) with an empty response (every field default: all accepted),
and prints a count of calls and bytes per service every 10 seconds on stderr.
"""
import sys
import threading
import time
from concurrent import futures

import grpc

counts = {}
lock = threading.Lock()


class Sink(grpc.GenericRpcHandler):
    def service(self, handler_call_details):
        method = handler_call_details.method

        def export(request, context):
            with lock:
                calls, size = counts.get(method, (0, 0))
                counts[method] = (calls + 1, size + len(request))
            return b""

        return grpc.unary_unary_rpc_method_handler(export)


def report():
    while True:
        time.sleep(10)
        with lock:
            line = ", ".join(f"{m.rsplit('.', 1)[-1]}: {c} calls {s} bytes" for m, (c, s) in sorted(counts.items()))
        print(f"otlp-sink: {line or 'nothing yet'}", file=sys.stderr, flush=True)


def main():
    if len(sys.argv) != 2 or not sys.argv[1].isdigit():
        sys.exit("usage: otlp-sink.py PORT")
    server = grpc.server(futures.ThreadPoolExecutor(max_workers=4), handlers=[Sink()])
    server.add_insecure_port(f"127.0.0.1:{sys.argv[1]}")
    server.start()
    print(f"otlp-sink listening on 127.0.0.1:{sys.argv[1]}", file=sys.stderr, flush=True)
    threading.Thread(target=report, daemon=True).start()
    server.wait_for_termination()


if __name__ == "__main__":
    main()
