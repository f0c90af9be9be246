"""The token never reaches the log output, whoever logs it and however."""

from __future__ import annotations

import io
import logging

from bot.logs import Redact

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
