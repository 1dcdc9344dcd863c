#!/usr/bin/env python3
"""A local HTTP server for Herald's URL-loading tests. Binds 127.0.0.1 on a free port, prints
the port, serves the routes below, and exits by itself after 60 seconds (or on SIGTERM).

/feed.xml      the rss2.xml fixture            /redirect  302 to /feed.xml
/chain/N       N redirects, then /feed.xml     /loop      302 to itself
/missing       404                             /slow      answers after 5 s
/gzip          feed, gzip-encoded              /deflate   feed, deflate-encoded
/huge          21 MiB body                     /bomb      gzip of 64 MiB of zeros (small on the wire)
/ua            echoes the User-Agent as a plain-text article
/trickle       the feed with a Content-Length, a byte a second
/page.html     pages/harbour-story.html as text/html
/script-only.html  a page whose text a script would write
"""
import gzip, os, signal, sys, threading, time, zlib
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

HERE = os.path.dirname(os.path.abspath(__file__))
FEED = open(os.path.join(HERE, "feeds", "rss2.xml"), "rb").read()
PAGE = open(os.path.join(HERE, "pages", "harbour-story.html"), "rb").read()
_bomb = []


def bomb():
    if not _bomb:
        _bomb.append(gzip.compress(b"\0" * (64 << 20), compresslevel=9))
    return _bomb[0]


class Handler(BaseHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def send(self, status, body=b"", headers=()):
        self.send_response(status)
        for name, value in headers:
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        try:
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass

    def do_GET(self):
        path = self.path
        if path == "/feed.xml":
            self.send(200, FEED, [("Content-Type", "application/rss+xml")])
        elif path == "/redirect":
            self.send(302, headers=[("Location", "/feed.xml")])
        elif path.startswith("/chain/"):
            left = int(path.rsplit("/", 1)[1])
            self.send(302, headers=[("Location", "/feed.xml" if left <= 1 else f"/chain/{left - 1}")])
        elif path == "/loop":
            self.send(302, headers=[("Location", "/loop")])
        elif path == "/slow":
            time.sleep(5)
            self.send(200, FEED)
        elif path == "/gzip":
            self.send(200, gzip.compress(FEED), [("Content-Encoding", "gzip")])
        elif path == "/deflate":
            self.send(200, zlib.compress(FEED), [("Content-Encoding", "deflate")])
        elif path == "/huge":
            self.send(200, b"<rss>" + b" " * (21 << 20))
        elif path == "/bomb":
            self.send(200, bomb(), [("Content-Encoding", "gzip")])
        elif path == "/trickle":
            self.send_response(200)
            self.send_header("Content-Length", str(len(FEED)))
            self.end_headers()
            try:
                for byte in FEED[:60]:
                    self.wfile.write(bytes([byte]))
                    self.wfile.flush()
                    time.sleep(1)
            except (BrokenPipeError, ConnectionResetError):
                pass
        elif path == "/page.html":
            self.send(200, PAGE, [("Content-Type", "text/html; charset=utf-8")])
        elif path == "/script-only.html":
            self.send(200, b"<html><body><div id=app></div><script>render()</script></body></html>", [("Content-Type", "text/html")])
        elif path == "/ua":
            agent = self.headers.get("User-Agent", "")
            self.send(200, f"Agent\n\n{agent}\n".encode())
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
    threading.Timer(600, server.shutdown).start()
    server.serve_forever()


if __name__ == "__main__":
    main()
