#!/usr/bin/env python3
"""A local web server for the reader's full-text tests: binds 127.0.0.1 on a free port, prints
the port, and serves the files of DIRECTORY by name, with `{port}` in them replaced by its port
(so a feed can link to pages on the same server). /slow/NAME answers NAME after DELAY seconds;
a missing file is a 404. Exits by itself after 600 seconds, or on SIGTERM from the test.

usage: page_server.py DIRECTORY DELAY
"""
import os, signal, sys, threading, time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

DIRECTORY, DELAY = sys.argv[1], float(sys.argv[2])


class Handler(BaseHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def do_GET(self):
        name = self.path.lstrip("/")
        if name.startswith("slow/"):
            time.sleep(DELAY)
            name = name[len("slow/"):]
        path = os.path.join(DIRECTORY, os.path.basename(name))
        if not os.path.isfile(path):
            self.send_response(404)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        body = open(path, "rb").read().replace(b"{port}", str(self.server.server_address[1]).encode())
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8" if name.endswith(".html") else "application/rss+xml")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        try:
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass


def main():
    signal.pthread_sigmask(signal.SIG_UNBLOCK, [signal.SIGTERM, signal.SIGINT])
    signal.signal(signal.SIGTERM, lambda *_: os._exit(0))
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    print(server.server_address[1], flush=True)
    threading.Timer(600, server.shutdown).start()
    server.serve_forever()


if __name__ == "__main__":
    main()
