"""Logging set-up: one line per record on stderr."""

from __future__ import annotations

import logging
import sys


def setup_logging(level: str) -> None:
    """Send the service's logs to stderr at `level`; keep aiohttp's access log quiet."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level)
    logging.getLogger("aiohttp.access").setLevel(logging.WARNING)
