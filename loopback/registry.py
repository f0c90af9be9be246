"""Bot API method registry: name -> async handler(state, params) -> result."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from .faults import bad_request
from .state import State

Handler = Callable[[State, dict[str, Any]], Awaitable[Any]]

# lower-cased method name -> (canonical name, handler); Telegram method names are case-insensitive
METHODS: dict[str, tuple[str, Handler]] = {}


def method(name: str) -> Callable[[Handler], Handler]:
    def register(handler: Handler) -> Handler:
        METHODS[name.lower()] = (name, handler)
        return handler

    return register


def lookup(name: str) -> tuple[str, Handler] | None:
    return METHODS.get(name.lower())


def require(params: dict[str, Any], key: str) -> Any:
    value = params.get(key)
    if value is None or value == "":
        raise bad_request(f"{key} is empty")
    return value


def int_param(params: dict[str, Any], key: str, default: int | None = None) -> int:
    value = params.get(key, default)
    if value is None:
        raise bad_request(f"{key} is empty")
    try:
        return int(value)
    except (TypeError, ValueError):
        raise bad_request(f"invalid {key} specified") from None
