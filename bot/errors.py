"""Turn a bad or missing config into one message that names the key and the fix."""

from __future__ import annotations

from pathlib import Path

from pydantic import ValidationError

from bot.config import Settings, load_settings

TOKEN_HELP = (
    "the bot token is missing: set the environment variable REGBOT_TELEGRAM__TOKEN "
    "(or `token` under [telegram] in {path}, kept out of git). "
    "Get a token from @BotFather in Telegram (/newbot)."
)


TOKEN_REJECTED = (
    "Telegram rejected the bot token (401 Unauthorized): check REGBOT_TELEGRAM__TOKEN "
    "(or `token` under [telegram]); @BotFather shows the current token (/token) or a new one "
    "(/revoke)."
)


class ConfigError(Exception):
    pass


def load_or_explain(path: Path) -> Settings:
    try:
        return load_settings(path)
    except FileNotFoundError:
        raise ConfigError(
            f"config file {path} not found: copy config.example.toml to {path} "
            "or pass --config PATH"
        ) from None
    except ValidationError as exc:
        raise ConfigError(_explain(exc, path)) from None
    except ValueError as exc:  # TOML syntax
        raise ConfigError(f"cannot read {path}: {exc}") from None


def _explain(exc: ValidationError, path: Path) -> str:
    lines = []
    for error in exc.errors():
        key = ".".join(str(part) for part in error["loc"])
        missing = error["type"] == "missing" or error.get("input") in ("", None)
        if (key == "telegram.token" and missing) or key == "telegram":
            lines.append(TOKEN_HELP.format(path=path))
            continue
        env = "REGBOT_" + "__".join(str(p).upper() for p in error["loc"] if not isinstance(p, int))
        # Never echo the input: for the token it would print the secret.
        lines.append(f"invalid config key `{key}` in {path} (or {env}): {error['msg']}")
    return "\n".join(lines)
