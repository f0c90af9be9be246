"""Logging set-up; the token is scrubbed from every record, whoever logs it."""

from __future__ import annotations

import logging


class Redact(logging.Filter):
    def __init__(self, secret: str) -> None:
        super().__init__()
        self.secret = secret

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        if self.secret and self.secret in message:
            record.msg, record.args = message.replace(self.secret, "<token>"), None
        return True


def setup_logging(secret: str, level: int = logging.INFO) -> None:
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler.addFilter(Redact(secret))
    logging.basicConfig(level=level, handlers=[handler], force=True)
