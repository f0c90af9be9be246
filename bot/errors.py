"""Turn a bad or missing config into one message that names the key and the fix."""

from __future__ import annotations

import difflib
import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any, get_args

from dotenv import dotenv_values
from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from core.config import Settings, load_settings

TOKEN_HELP = (
    "the bot token is missing: put the line REGBOT_TELEGRAM__TOKEN=123456:ABC... in a file "
    "named .env in this folder, or set that environment variable (never in {path}: "
    "the config file may be shared or put in git). "
    "Get a token from @BotFather in Telegram (/newbot). "
    "To try the bot without a token first: regbot sandbox (from the source folder: make sandbox)"
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
            f"config file {path} not found: `regbot init {path}` writes the example there "
            "(or copy config.example.toml), or pass --config PATH"
        ) from None
    except ValidationError as exc:
        raise ConfigError(explain(exc, path)) from None
    except ValueError as exc:  # TOML syntax
        raise ConfigError(f"cannot read {path}: {exc}") from None


def explain(exc: ValidationError, path: Path, environment: bool = True) -> str:
    """One line per mistake. `environment`: the settings read REGBOT_* variables and .env
    too, so a mistake may be theirs (the sandbox reads the file only)."""
    lines = []
    errors = exc.errors()
    guessed = _typo_guesses(errors)
    for error in errors:
        loc = error["loc"]
        if error["type"] == "missing" and tuple(loc) in guessed:
            continue  # the typo's line already says which key was meant: one line
        key = ".".join(str(part) for part in loc)
        missing = error["type"] == "missing" or error.get("input") in ("", None)
        if (key == "telegram.token" and missing) or key == "telegram":
            lines.append(TOKEN_HELP.format(path=path))
            continue
        if (environment and error["type"] == "extra_forbidden"
                and str(loc[0]).lower().startswith("regbot_")):
            # A REGBOT_ line in .env whose section is unknown reaches us whole.
            lines.append(_unknown_variable_name(str(loc[0]).upper()))
            continue
        origin = _origin(loc) if environment and error["type"] != "missing" else None
        # Never echo the input: for the token it would print the secret.
        if origin is not None:  # the value came from the environment or .env, not the file
            variable, where = origin
            if error["type"] == "extra_forbidden":
                lines.append(_unknown_variable(loc, variable, where))
            else:
                lines.append(f"invalid value for `{key}` from {variable} ({where}): "
                             f"{_message(error)}")
        elif error["type"] == "extra_forbidden":
            lines.append(_unknown_key(loc, path))
        elif not loc:
            lines.append(f"{path}: {_message(error)}")
        elif error["type"] == "missing":
            lines.append(f"missing key `{loc[-1]}` in {_section(loc[:-1])} of {path} "
                         f"(or {_env_name(loc)})")
        else:
            lines.append(f"invalid value for {_key_in(loc)} in {path} (or {_env_name(loc)}):"
                         f" {_message(error)}")
    return "\n".join(lines)


def _key_in(loc: Sequence[int | str]) -> str:
    """The key as the file shows it, counted from 1 as `_section` counts the tables:
    "`kind` of [[event.questions]] number 3", "`admins` item 2", "`event.title`"."""
    tables = [i for i, part in enumerate(loc)
              if isinstance(part, int) and i + 1 < len(loc) and isinstance(loc[i + 1], str)]
    start = tables[-1] + 1 if tables else 0
    rest = loc[start:]
    name = ".".join(str(part) for part in rest if isinstance(part, str))
    items = [part for part in rest if isinstance(part, int)]
    said = f"`{name}`" + "".join(f" item {item + 1}" for item in items)
    return f"{said} of {_section(loc[:start])}" if tables else said


def _typo_guesses(errors: list[ErrorDetails]) -> set[tuple[int | str, ...]]:
    """The missing keys that an unknown key next to them is a typo of (`titel` for
    `title`): said once, by the unknown key's line."""
    missing = {tuple(e["loc"]) for e in errors if e["type"] == "missing"}
    guessed = set()
    for error in errors:
        loc = tuple(error["loc"])
        if error["type"] != "extra_forbidden" or not loc:
            continue
        close = difflib.get_close_matches(str(loc[-1]), _known_keys(loc[:-1]), 1, 0.6)
        if close and (*loc[:-1], close[0]) in missing:
            guessed.add((*loc[:-1], close[0]))
    return guessed


def _origin(loc: Sequence[int | str]) -> tuple[str, str] | None:
    """(variable, "the environment" or ".env") when the key at `loc` was set by a REGBOT_*
    variable: the message must send people to the line they wrote, not to the TOML file."""
    name = _env_name(loc).split(",")[0]
    for where, names in (("the environment", list(os.environ)), (".env", list(dotenv_settings()))):
        for variable in names:
            upper = variable.upper()  # pydantic-settings reads them case-insensitively
            if upper == name or upper.startswith(name + "__"):
                return variable, where
    return None


def dotenv_settings() -> dict[str, str | None]:
    """The REGBOT_* lines of the `.env` the settings read (none if there is no file)."""
    env_file = Settings.model_config.get("env_file")
    if not isinstance(env_file, str) or not Path(env_file).is_file():
        return {}
    return {name: value for name, value in dotenv_values(env_file).items()
            if name.upper().startswith("REGBOT_")}


def _unknown_variable(loc: Sequence[int | str], variable: str, where: str) -> str:
    close = difflib.get_close_matches(str(loc[-1]), _known_keys(loc[:-1]), 1, 0.6)
    hint = f": did you mean {_env_name([*loc[:-1], close[0]])}?" if close else ""
    return f"unknown setting {variable} ({where}){hint}"


def _unknown_variable_name(variable: str) -> str:
    names = [_env_name([section, key]) for section in Settings.model_fields
             for key in _known_keys([section])] + [_env_name([s]) for s in Settings.model_fields]
    close = difflib.get_close_matches(variable, names, 1, 0.6)
    hint = f": did you mean {close[0]}?" if close else ""
    return f"unknown setting {variable} (.env){hint}"


# pydantic's wording for a value of the wrong kind, said as an organiser would read it.
_PLAIN = {
    "int_parsing": "write a whole number (e.g. 10)",
    "int_type": "write a whole number (e.g. 10)",
    "int_from_float": "write a whole number (e.g. 10)",
    "float_parsing": "write a number (e.g. 29.5)",
    "bool_parsing": "write true or false",
    "bool_type": "write true or false",
    "list_type": "write a list in square brackets, e.g. [123456789] or [\"a\", \"b\"]",
    "string_type": "write the text in quotes, e.g. \"DKU\"",
    "dict_type": "write a [section] (a table) here, not a single value",
    "model_type": "write a [section] (a table) here, not a single value",
    "greater_than_equal": "must be {ge} or more",
    "greater_than": "must be more than {gt}",
    "less_than_equal": "must be {le} or less",
    "less_than": "must be less than {lt}",
    "literal_error": "must be one of: {expected}",
    "enum": "must be one of: {expected}",
    "string_too_long": "is too long: at most {max_length} characters",
    "string_too_short": "is too short: at least {min_length} character(s)",
    "too_long": "has too many items: at most {max_length}",
}


def _message(error: ErrorDetails) -> str:
    plain = _PLAIN.get(error["type"])
    if plain is not None:
        try:
            return plain.format(**(error.get("ctx") or {}))
        except (KeyError, IndexError):
            pass  # a context pydantic did not give: its own words below
    # pydantic prefixes our own messages with the kind of error; people need only the text.
    text = error["msg"]
    for prefix in ("Value error, ", "Assertion failed, "):
        text = text.removeprefix(prefix)
    return text


def _env_name(loc: Sequence[int | str]) -> str:
    """The variable that really overrides this key: a list (e.g. [[events]] or admins) can
    only be replaced whole, as JSON."""
    parts: list[str] = []
    for part in loc:
        if isinstance(part, int):
            return "REGBOT_" + "__".join(parts) + ", the whole list as JSON"
        parts.append(part.upper())
    return "REGBOT_" + "__".join(parts)


def _section(loc: Sequence[int | str]) -> str:
    if not loc:
        return "the top level"
    if not isinstance(loc[-1], int):
        return f"[{'.'.join(str(p) for p in loc if not isinstance(p, int))}]"
    # [[events.reminders]] number 2 of [[events]] number 1
    said: list[str] = []
    seen: list[str] = []
    for part in loc:
        if isinstance(part, int):
            said.append(f"[[{'.'.join(seen)}]] number {part + 1}")
        else:
            seen.append(str(part))
    return " of ".join(reversed(said))


def _unknown_key(loc: Sequence[int | str], path: Path) -> str:
    name = str(loc[-1])
    known = _known_keys(loc[:-1])
    close = difflib.get_close_matches(name, known, 1, 0.6)
    hint = f": did you mean `{close[0]}`?" if close else (
        f"; the keys there are {', '.join(known)}" if known else "")
    return f"unknown key `{name}` in {_section(loc[:-1])} of {path}{hint}"


def _known_keys(loc: Sequence[int | str]) -> list[str]:
    model: type[BaseModel] | None = Settings
    for part in loc:
        if isinstance(part, int) or model is None:
            continue
        field = model.model_fields.get(part)
        model = _model_in(field.annotation) if field else None
    return list(model.model_fields) if model else []


def _model_in(annotation: Any) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in get_args(annotation):
        if (found := _model_in(arg)) is not None:
            return found
    return None
