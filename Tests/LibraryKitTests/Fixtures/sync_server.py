#!/usr/bin/env python3
"""A local HTTP server for Herald's sync tests. Binds 127.0.0.1 on a free port, prints the
port, and exits by itself after 120 seconds (or on SIGTERM). Feeds are read from the directory
given as the first argument on every request, so a test can change one between two syncs.

/feeds/NAME     the file, with ETag and Last-Modified; 304 when If-None-Match or
                If-Modified-Since says the client has it (a NAME.html is text/html)
/lastmod/NAME   the file with Last-Modified only
/moved/NAME     301 to /feeds/NAME          /temporary/NAME  302 to /feeds/NAME
/gone           410                         /busy            429, Retry-After: 120
/unavailable    503, Retry-After: an HTTP date an hour ahead
/slow           answers after 5 s           /garbage         binary noise
/html           an HTML page                /huge            21 MiB
/log            the requests so far, a line each: METHOD PATH STATUS
"""
import email.utils, hashlib, os, signal, sys, threading, time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

ROOT = sys.argv[1]
LOG = []
LOCK = threading.Lock()


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def send(self, status, body=b"", headers=()):
        with LOCK:
            LOG.append(f"GET {self.path} {status}")
        self.send_response(status)
        for name, value in headers:
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        try:
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass

    def feed(self, name, etag=True):
        path = os.path.join(ROOT, os.path.basename(name))
        if not os.path.isfile(path):
            return self.send(404, b"not found")
        body = open(path, "rb").read()
        tag = '"' + hashlib.sha1(body).hexdigest() + '"'
        modified = email.utils.formatdate(int(os.path.getmtime(path)), usegmt=True)
        kind = "text/html; charset=utf-8" if name.endswith(".html") else "application/rss+xml"
        headers = [("Last-Modified", modified), ("Content-Type", kind)]
        if etag:
            headers.append(("ETag", tag))
        if (etag and self.headers.get("If-None-Match") == tag) or (
                not self.headers.get("If-None-Match") and self.headers.get("If-Modified-Since") == modified):
            return self.send(304, headers=headers[:1] + headers[2:])
        self.send(200, body, headers)

    def do_GET(self):
        path = self.path
        if path.startswith("/feeds/"):
            self.feed(path[len("/feeds/"):])
        elif path.startswith("/lastmod/"):
            self.feed(path[len("/lastmod/"):], etag=False)
        elif path.startswith("/moved/"):
            self.send(301, headers=[("Location", "/feeds/" + path[len("/moved/"):])])
        elif path.startswith("/temporary/"):
            self.send(302, headers=[("Location", "/feeds/" + path[len("/temporary/"):])])
        elif path == "/gone":
            self.send(410, b"gone")
        elif path == "/busy":
            self.send(429, b"slow down", [("Retry-After", "120")])
        elif path == "/unavailable":
            self.send(503, b"later", [("Retry-After", email.utils.formatdate(time.time() + 3600, usegmt=True))])
        elif path == "/slow":
            time.sleep(5)
            self.send(200, b"<rss version='2.0'><channel><title>Slow</title></channel></rss>")
        elif path == "/garbage":
            self.send(200, bytes((i * 7919) % 251 for i in range(4096)))
        elif path == "/html":
            self.send(200, b"<!DOCTYPE html><html><head><title>Hi</title></head><body><p>Not a feed.</p></body></html>",
                      [("Content-Type", "text/html")])
        elif path == "/huge":
            self.send(200, b"<rss>" + b" " * (21 << 20))
        elif path == "/log":
            with LOCK:
                body = "\n".join(LOG).encode() + b"\n"
            self.send_response(200)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        else:
            self.send(404, b"not found")


def main():
    # A test runner's thread may have started us with signals blocked; SIGTERM must work.
    signal.pthread_sigmask(signal.SIG_UNBLOCK, [signal.SIGTERM, signal.SIGINT])
    signal.signal(signal.SIGTERM, lambda *_: os._exit(0))
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    print(server.server_address[1], flush=True)
    # A safety net only (the test kills us by PID): on a loaded two-core run a test's first
    # request has come more than a minute after its server started, which a 60 s net refused.
    threading.Timer(600, lambda: os._exit(0)).start()
    server.serve_forever()


if __name__ == "__main__":
    main()
