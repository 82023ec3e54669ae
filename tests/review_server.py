"""The review app on a real loopback port, for tests that drive it over HTTP or in a browser."""
from __future__ import annotations

import threading

from werkzeug.serving import make_server

from crosscheck.api import check
from crosscheck.review import ReviewStore
from crosscheck.serve import create_app


class ReviewServer:
    """crosscheck's review app over ``corpus`` with its decisions in ``db``; stop() to shut it down.

    A new ReviewServer over the same database is what a restart looks like to a reviewer."""

    def __init__(self, corpus, db, token=None):
        self.store = ReviewStore(db)
        self.app = create_app(lambda: check([corpus]), self.store, token=token, secret_key="test")
        self.httpd = make_server("127.0.0.1", 0, self.app, threaded=True)
        self.base = f"http://127.0.0.1:{self.httpd.server_port}"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def stop(self):
        self.httpd.shutdown()
