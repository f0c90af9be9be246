"""The token never reaches the log output, whoever logs it and however."""

from __future__ import annotations

import io
import logging

import pytest

from core.logs import Redact, setup_logging

TOKEN = "123456:AAE-very_secret-Value"


def test_token_is_scrubbed_from_messages_arguments_and_tracebacks() -> None:
    out = io.StringIO()
    handler = logging.StreamHandler(out)
    handler.addFilter(Redact(TOKEN))
    log = logging.getLogger("test_logs")
    log.addHandler(handler)
    log.propagate = False
    try:
        log.warning("calling https://api.telegram.org/bot%s/getMe", TOKEN)
        log.warning("secret half: " + TOKEN.partition(":")[2])
        try:
            raise RuntimeError(f"request to /bot{TOKEN}/getUpdates failed")
        except RuntimeError:
            log.exception("boom")
    finally:
        log.removeHandler(handler)
    text = out.getvalue()
    assert "very_secret" not in text
    assert text.count("<token>") == 3 and "Traceback" in text and "getUpdates" in text


def test_setup_logging_installs_the_scrubber(capsys: pytest.CaptureFixture[str]) -> None:
    """Whatever logger writes the token after start-up, stderr shows the mask."""
    root = logging.getLogger()
    saved = (root.handlers[:], root.level)
    try:
        setup_logging(TOKEN)
        logging.getLogger("aiogram.event").error("GET /bot%s/getMe failed", TOKEN)
        for handler in root.handlers:
            handler.flush()
    finally:
        root.handlers[:], _ = saved
        root.setLevel(saved[1])
    err = capsys.readouterr().err
    assert "getMe failed" in err and "<token>" in err
    assert "very_secret" not in err
