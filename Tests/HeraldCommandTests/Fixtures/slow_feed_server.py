#!/usr/bin/env python3
"""A local feed server for the reader's end-to-end tests: binds 127.0.0.1 on a free port,
prints the port, answers the first request with FIRST at once and every later one with LATER
after DELAY seconds (a slow server for a sync started from the reader). Exits by itself after
60 seconds, or on SIGTERM/SIGKILL from the test.

usage: slow_feed_server.py FIRST LATER DELAY
"""
import signal, sys, threading, time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

FIRST, LATER, DELAY = sys.argv[1], sys.argv[2], float(sys.argv[3])
served = 0
lock = threading.Lock()


class Handler(BaseHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def do_GET(self):
        global served
        with lock:
            served += 1
            first = served == 1
        if not first:
            time.sleep(DELAY)
        with open(FIRST if first else LATER, "rb") as feed:
            body = feed.read()
        self.send_response(200)
        self.send_header("Content-Type", "application/rss+xml")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        try:
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass


server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
server.daemon_threads = True
print(server.server_address[1], flush=True)
signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
# A safety net only (the test kills us by PID): on a loaded two-core run a test's first
# request has come more than a minute after its server started, which a 60 s net refused.
threading.Timer(600, lambda: server.shutdown()).start()
server.serve_forever()
