"""`python -m bot [--config PATH]` / `regbot`: check the config, then poll."""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
from pathlib import Path

from bot.config import Settings
from bot.errors import TOKEN_REJECTED, ConfigError, load_or_explain
from bot.logs import setup_logging


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


def _serve(settings: Settings) -> int:
    # aiogram is imported only now (it takes seconds), so config errors answer at once.
    from aiogram.exceptions import TelegramNetworkError, TelegramUnauthorizedError

    try:
        asyncio.run(_run(settings))
    except TelegramUnauthorizedError:
        print(f"regbot: {TOKEN_REJECTED}", file=sys.stderr)
        return 2
    except TelegramNetworkError as exc:  # the message names the host, never the token
        print(f"regbot: cannot reach the Bot API at {settings.telegram.api_base}: "
              f"{exc.message}", file=sys.stderr)
        return 1
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
    setup_logging(settings.telegram.token.get_secret_value())
    return _serve(settings)


if __name__ == "__main__":
    sys.exit(main())
