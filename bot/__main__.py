"""`python -m bot [--config PATH]` / `regbot`: check the config, then poll."""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
from pathlib import Path

from bot.config import Settings
from bot.errors import ConfigError, load_or_explain
from bot.factory import create_app
from bot.logs import setup_logging


def _config_path(argv: list[str] | None) -> Path:
    parser = argparse.ArgumentParser(prog="regbot", description=__doc__)
    parser.add_argument("--config", type=Path, help="TOML file (default: $REGBOT_CONFIG, "
                        "else ./config.toml)")
    args = parser.parse_args(argv)
    return args.config or Path(os.environ.get("REGBOT_CONFIG") or "config.toml")


async def _run(settings: Settings) -> None:
    app = await create_app(settings)
    await app.run()


def main(argv: list[str] | None = None) -> int:
    path = _config_path(argv)
    try:
        settings = load_or_explain(path)
    except ConfigError as exc:
        print(f"regbot: {exc}", file=sys.stderr)
        return 2
    setup_logging(settings.telegram.token.get_secret_value())
    asyncio.run(_run(settings))
    return 0


if __name__ == "__main__":
    sys.exit(main())
