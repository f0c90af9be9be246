"""Logging set-up; the token is scrubbed from every record, whoever logs it, including
tracebacks (an exception message may carry a request URL)."""

from __future__ import annotations

import logging

MASK = "<token>"


class Redact(logging.Filter):
    def __init__(self, secret: str) -> None:
        super().__init__()
        # The whole token, and its secret half on its own (bot id alone is public).
        half = secret.partition(":")[2]
        self.secrets = [s for s in (secret, half if len(half) >= 8 else "") if s]

    def scrub(self, text: str) -> str:
        for secret in self.secrets:
            text = text.replace(secret, MASK)
        return text

    def filter(self, record: logging.LogRecord) -> bool:
        if not self.secrets:
            return True
        message = record.getMessage()
        if (clean := self.scrub(message)) != message:
            record.msg, record.args = clean, None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = self.scrub(record.exc_text)
        if record.stack_info:
            record.stack_info = self.scrub(record.stack_info)
        return True


def setup_logging(secret: str, level: int = logging.INFO) -> None:
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler.addFilter(Redact(secret))
    logging.basicConfig(level=level, handlers=[handler], force=True)
