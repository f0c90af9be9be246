"""`python -m bot [--config PATH]` / `regbot`: check the config, then poll.

Commands: `check` (validate and print the plan), `backup DEST`, `restore SRC`, `sandbox`
(try the bot in the terminal: no token, no network)."""

from __future__ import annotations

import argparse
import asyncio
import logging
import os
import sys
import time
from pathlib import Path

from bot.errors import TOKEN_REJECTED, ConfigError, dotenv_settings, load_or_explain
from core.config import Settings
from core.logs import Redact, guard_output, setup_logging

START_PAUSE, MAX_START_PAUSE = 1.0, 60.0


def _parse(argv: list[str] | None) -> argparse.Namespace:
    # --config is accepted before or after the command.
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--config", type=Path, default=argparse.SUPPRESS,
                        help="TOML file (default: $REGBOT_CONFIG, else ./config.toml)")
    parser = argparse.ArgumentParser(prog="regbot", description=__doc__, parents=[common],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    sub.add_parser("run", parents=[common], help="run the bot (the default)")
    sub.add_parser("check", parents=[common],
                   help="validate the config and print the plan; exit 2 on any error")
    backup = sub.add_parser("backup", parents=[common],
                            help="copy the database consistently, also while the bot runs")
    backup.add_argument("dest", help="file to create, or a folder for a dated file (an existing "
                        "folder, or a name ending in /)")
    restore = sub.add_parser("restore", parents=[common],
                             help="put a backup back (the bot must be stopped)")
    restore.add_argument("src", type=Path, help="a file made by `backup`")
    restore.add_argument("--yes", action="store_true",
                         help="replace the current database (kept as <file>.before-restore)")
    init = sub.add_parser("init", help="write the example config (every key explained) to "
                          "start from; never over an existing file")
    init.add_argument("dest", type=Path, nargs="?", default=Path("config.toml"),
                      help="where (default: ./config.toml)")
    # Not `common`: the sandbox reads no $REGBOT_CONFIG nor ./config.toml, only --config.
    sandbox = sub.add_parser(
        "sandbox",
        help="chat with the bot in this terminal: no token, no network (default: the "
             "example event; --config FILE: your own events)")
    sandbox.add_argument("--config", type=Path, default=argparse.SUPPRESS,
                         help="your own TOML file (default: the example event, moved a few "
                              "days ahead)")
    sandbox.add_argument("--db", type=Path, default=None,
                         help="keep the database in this file (default: a temporary one)")
    return parser.parse_args(argv)


OFFLINE_TOKEN = "0:not-needed-offline"


def _token_in_dotenv() -> bool:
    return any(name.upper() == "REGBOT_TELEGRAM__TOKEN" and value
               for name, value in dotenv_settings().items())


def _confirmed(target: Path) -> bool:
    """At a terminal, `restore` without --yes asks before replacing a database."""
    if not target.exists() or not sys.stdin.isatty():
        return False
    answer = input(f"Replace the database {target}? It is kept as {target.name}"
                   ".before-restore. [y/N] ")
    return answer.strip().lower() in ("y", "yes")


def _init(dest: Path) -> int:
    """The example config from the installed package, for a user who has no source tree."""
    from importlib import resources

    if dest.exists():
        print(f"regbot: {dest} exists already: edit it, or give another file name",
              file=sys.stderr)
        return 2
    try:
        text = resources.files("bot").joinpath("example.toml").read_text("utf-8")
        with dest.open("x", encoding="utf-8") as out:
            out.write(text)
    except OSError as exc:
        print(f"regbot: cannot write {dest}: {exc.strerror or exc}", file=sys.stderr)
        return 2
    print(f"wrote {dest}: edit the event's keys, put the token in .env "
          f"(REGBOT_TELEGRAM__TOKEN=...), then: regbot check --config {dest}")
    return 0


def _config_path(args: argparse.Namespace) -> Path:
    given: Path | None = getattr(args, "config", None)
    return given or Path(os.environ.get("REGBOT_CONFIG") or "config.toml")


def _command(args: argparse.Namespace, settings: Settings, path: Path) -> int:
    from bot import cli_commands

    try:
        if args.command == "check":
            cli_commands.check(settings, path)
            if settings.telegram.token.get_secret_value() == OFFLINE_TOKEN:
                print("\ntoken: not set yet; `run` needs it: REGBOT_TELEGRAM__TOKEN=... in .env "
                      "(from @BotFather)")
        elif args.command == "backup":
            made, count = cli_commands.backup(settings, Path(args.dest),
                                              folder=args.dest.endswith(("/", os.sep)))
            print(f"backed up {settings.storage.path} to {made} ({count} registrations)")
        else:
            done = cli_commands.restore(settings, args.src, yes=args.yes or _confirmed(
                settings.storage.path))
            print(f"restored {settings.storage.path} from {args.src} "
                  f"({done.registrations} registrations)")
            # Said even when none: the organiser knows erasures were looked for.
            print(f"erased again: {done.erased_again} registrations erased after this "
                  "backup was taken (/forget_me, retention) stay erased")
    except cli_commands.CommandError as exc:
        print(f"regbot: {exc}", file=sys.stderr)
        return 2
    return 0


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

    from bot.webhook import ListenError
    from storage.db import StorageError

    api = settings.telegram.api_base

    def say(text: str) -> None:
        # Scrubbed here as well as by the guarded stream: an aiogram message may quote the
        # request URL, /bot<token>/<method>.
        print(f"regbot: {redact.scrub(text)}", file=sys.stderr)

    attempts = settings.telegram.start_attempts
    tried, pause = 0, START_PAUSE
    while True:
        tried += 1
        try:
            asyncio.run(_run(settings))
        except TelegramNetworkError as exc:
            # Only the start-up gets here: once polling, aiogram retries on its own.
            if attempts and tried >= attempts:
                say(f"cannot reach the Bot API at {api}: {exc.message}")
                return 1
            logging.getLogger("regbot").warning(
                "cannot reach the Bot API at %s (try %d): %s; trying again in %.0f s",
                api, tried, redact.scrub(exc.message), pause)
            try:
                time.sleep(pause)
            except KeyboardInterrupt:
                return 130
            pause = min(pause * 2, MAX_START_PAUSE)
            continue
        except TelegramUnauthorizedError:
            say(TOKEN_REJECTED)
            return 2
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
        except ListenError as exc:
            # Exit 1, not 2: a port still held by the previous process frees itself, so a
            # supervisor's restart is worth it.
            say(f"{exc}; see listen_host/listen_port under [webhook] in {config}")
            return 1
        except KeyboardInterrupt:  # Ctrl-C before polling began
            return 130
        return 0


def main(argv: list[str] | None = None) -> int:
    args = _parse(argv)
    if args.command == "sandbox":
        # Only an explicit --config: $REGBOT_CONFIG and ./config.toml belong to the real bot.
        try:
            from bot import sandbox  # aiogram's import takes seconds: Ctrl-C may come now
        except KeyboardInterrupt:
            return 130
        return sandbox.main(getattr(args, "config", None), args.db)
    if args.command == "init":  # before any config is read: there is none yet
        return _init(args.dest)
    path = _config_path(args)
    offline = args.command in ("check", "backup", "restore")
    if offline and not os.environ.get("REGBOT_TELEGRAM__TOKEN") and not _token_in_dotenv():
        # They never call Telegram: a token is not needed (nor looked at) for them, so a
        # config can be checked before there is one.
        os.environ["REGBOT_TELEGRAM__TOKEN"] = OFFLINE_TOKEN
    try:
        settings = load_or_explain(path)
    except ConfigError as exc:
        print(f"regbot: {exc}", file=sys.stderr)
        return 2
    if offline:
        return _command(args, settings, path)
    token = settings.telegram.token.get_secret_value()
    redact = guard_output(token)  # before anything can print: tracebacks, warnings
    setup_logging(token, settings.logging.level, settings.logging.format)
    return _serve(settings, path, redact)


if __name__ == "__main__":
    sys.exit(main())
