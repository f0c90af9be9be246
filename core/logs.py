"""Logging set-up; the token is scrubbed from every record, whoever logs it, including
tracebacks (an exception message may carry a request URL). `guard_output` extends that
to everything else the process prints: stdout, stderr, uncaught tracebacks."""

from __future__ import annotations

import json
import logging
import sys
import threading
import traceback
from collections.abc import Iterable
from types import TracebackType
from typing import Any, TextIO, cast

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


class ScrubbedStream:
    """A text stream that writes through `redact`: the last line of defence, for output
    that never passes a logging handler (print, warnings, the interpreter's own
    tracebacks). Everything else is delegated to the wrapped stream."""

    def __init__(self, stream: TextIO, redact: Redact) -> None:
        self.wrapped = stream
        self._redact = redact

    def write(self, text: str) -> int:
        self.wrapped.write(self._redact.scrub(text))
        return len(text)

    def writelines(self, lines: Iterable[str]) -> None:
        for line in lines:
            self.write(line)

    def flush(self) -> None:
        self.wrapped.flush()

    def __getattr__(self, name: str) -> Any:
        return getattr(self.wrapped, name)


def guard_output(secret: str) -> Redact:
    """From now on the token never reaches stdout or stderr: both are wrapped, and the
    hooks that print uncaught exceptions (main thread, other threads) scrub their text
    themselves, in case a library swaps the streams back. asyncio's "exception was never
    retrieved" goes through logging, which setup_logging filters."""
    redact = Redact(secret)
    for name in ("stdout", "stderr"):
        stream = getattr(sys, name)
        if stream is not None and not isinstance(stream, ScrubbedStream):
            setattr(sys, name, cast(TextIO, ScrubbedStream(stream, redact)))

    def excepthook(kind: type[BaseException], exc: BaseException,
                   tb: TracebackType | None) -> None:
        text = "".join(traceback.format_exception(kind, exc, tb))
        sys.stderr.write(redact.scrub(text))
        sys.stderr.flush()

    def thread_hook(args: threading.ExceptHookArgs) -> None:
        if args.exc_type is SystemExit or args.exc_value is None:
            return
        name = args.thread.name if args.thread else "?"
        text = "".join(traceback.format_exception(args.exc_type, args.exc_value,
                                                  args.exc_traceback))
        sys.stderr.write(redact.scrub(f"Exception in thread {name}:\n{text}"))
        sys.stderr.flush()

    sys.excepthook = excepthook
    threading.excepthook = thread_hook
    return redact


class JsonFormatter(logging.Formatter):
    """One JSON object per line, for log collectors; the fields of `extra` (update_id,
    user_id, latency_ms) become keys of their own."""

    FIELDS = ("update_id", "user_id", "kind", "latency_ms")

    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, Any] = {
            "time": self.formatTime(record, "%Y-%m-%dT%H:%M:%S"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        for name in self.FIELDS:
            if hasattr(record, name):
                entry[name] = getattr(record, name)
        if record.exc_text or record.exc_info:
            entry["error"] = record.exc_text or (
                self.formatException(record.exc_info) if record.exc_info else "")
        return json.dumps(entry, ensure_ascii=False)


# The bot's own loggers: they log ids and counts, never what people typed. Any other
# library's DEBUG output may (aiosqlite prints every statement with its values: names,
# phones, the form's JSON), so below INFO only these reach the output.
OWN_LOGGERS = ("regbot", "bot", "core", "handlers", "services", "scheduler", "storage",
               "__main__")


class OwnDebugOnly(logging.Filter):
    """Below INFO, only records of the bot's own loggers pass."""

    def filter(self, record: logging.LogRecord) -> bool:
        return record.levelno >= logging.INFO or record.name.split(".")[0] in OWN_LOGGERS


def setup_logging(secret: str, level: int | str = logging.INFO, fmt: str = "text") -> None:
    handler = logging.StreamHandler()
    handler.setFormatter(JsonFormatter() if fmt == "json" else
                         logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler.addFilter(OwnDebugOnly())
    handler.addFilter(Redact(secret))
    numeric = logging.getLevelName(level) if isinstance(level, str) else level
    # Libraries stay at INFO at most (their debug records are not even made: aiosqlite's
    # would cost a repr of every statement); the bot's own loggers follow `level`.
    logging.basicConfig(level=max(int(numeric), logging.INFO), handlers=[handler], force=True)
    for name in OWN_LOGGERS:
        logging.getLogger(name).setLevel(level)
