"""`python -m bot [--config PATH]` / `regbot`: check the config, then poll."""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
from pathlib import Path

from bot.config import Settings
from bot.errors import TOKEN_REJECTED, ConfigError, load_or_explain
from bot.logs import Redact, guard_output, setup_logging


def _config_path(argv: list[str] | None) -> Path:
    parser = argparse.ArgumentParser(prog="regbot", description=__doc__)
    parser.add_argument("--config", type=Path, help="TOML file (default: $REGBOT_CONFIG, "
                        "else ./config.toml)")
    args = parser.parse_args(argv)
    return args.config or Path(os.environ.get("REGBOT_CONFIG") or "config.toml")


async def _run(settings: Settings) -> None:
    from bot.factory import create_app

    app = await create_app(settings)
    try:
        await app.run()
    finally:  # polling closes it, but not when the start-up (getMe) fails
        await app.bot.session.close()


def _serve(settings: Settings, config: Path, redact: Redact) -> int:
    # aiogram is imported only now (it takes seconds), so config errors answer at once.
    from aiogram.exceptions import (
        ClientDecodeError,
        TelegramAPIError,
        TelegramNetworkError,
        TelegramUnauthorizedError,
    )

    from storage.db import StorageError

    api = settings.telegram.api_base

    def say(text: str) -> None:
        # Scrubbed here as well as by the guarded stream: an aiogram message may quote the
        # request URL, /bot<token>/<method>.
        print(f"regbot: {redact.scrub(text)}", file=sys.stderr)

    try:
        asyncio.run(_run(settings))
    except TelegramUnauthorizedError:
        say(TOKEN_REJECTED)
        return 2
    except TelegramNetworkError as exc:
        say(f"cannot reach the Bot API at {api}: {exc.message}")
        return 1
    except ClientDecodeError:
        # Its text holds the page, which may echo the request path (and so the token).
        say(f"the server at {api} did not answer like the Bot API (not Telegram's JSON): "
            "check telegram.api_base in the config (or REGBOT_TELEGRAM__API_BASE)")
        return 1
    except TelegramAPIError as exc:
        say(f"the Bot API at {api} refused {type(exc.method).__name__}: {exc.message}")
        return 1
    except StorageError as exc:  # a config-level mistake: the file or folder to use
        say(f"{exc}, or set `path` under [storage] in {config} (or REGBOT_STORAGE__PATH)")
        return 2
    except KeyboardInterrupt:  # Ctrl-C before polling began
        return 130
    return 0


def main(argv: list[str] | None = None) -> int:
    path = _config_path(argv)
    try:
        settings = load_or_explain(path)
    except ConfigError as exc:
        print(f"regbot: {exc}", file=sys.stderr)
        return 2
    token = settings.telegram.token.get_secret_value()
    redact = guard_output(token)  # before anything can print: tracebacks, warnings
    setup_logging(token)
    return _serve(settings, path, redact)


if __name__ == "__main__":
    sys.exit(main())
