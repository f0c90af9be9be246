"""Errors and fault injection for the fake Telegram Bot API."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any


class ApiError(Exception):
    """Raised by method handlers; becomes a Telegram-shaped error response."""

    def __init__(self, status: int, description: str, retry_after: int | None = None) -> None:
        super().__init__(description)
        self.status = status
        self.description = description
        self.retry_after = retry_after


def bad_request(detail: str) -> ApiError:
    return ApiError(400, f"Bad Request: {detail}")


@dataclass(frozen=True)
class Fault:
    """What a faulted request gets instead of normal handling.

    ``status`` set: the request fails with that status (after ``delay`` seconds, if any)
    and has no side effect. ``status`` None and ``delay`` set: the server is merely slow,
    it sleeps ``delay`` seconds and then handles the request normally.
    """

    status: int | None = None
    description: str = ""
    retry_after: int | None = None
    delay: float = 0.0

    @classmethod
    def too_many(cls, retry_after: int = 1) -> Fault:
        return cls(429, f"Too Many Requests: retry after {retry_after}", retry_after)

    @classmethod
    def blocked(cls) -> Fault:
        return cls(403, "Forbidden: bot was blocked by the user")

    @classmethod
    def server_error(cls, description: str = "Internal Server Error") -> Fault:
        return cls(500, description)

    @classmethod
    def bad_request(cls, detail: str) -> Fault:
        return cls(400, f"Bad Request: {detail}")

    @classmethod
    def hang(cls, seconds: float) -> Fault:
        """Answer nothing for ``seconds`` (provokes client timeouts), then 502, no side effect."""
        return cls(502, "Bad Gateway", None, seconds)

    @classmethod
    def slow(cls, seconds: float) -> Fault:
        """Sleep ``seconds``, then handle the request normally."""
        return cls(delay=seconds)

    def to_error(self) -> ApiError:
        if self.status is None:
            raise ValueError("a merely slow Fault has no error to answer with")
        return ApiError(self.status, self.description or "Error", self.retry_after)


FaultRule = Callable[[str, dict[str, Any]], Fault | None]


def fault_on(
    method: str,
    fault: Fault,
    *,
    times: int | None = 1,
    chat_id: int | None = None,
    when: Callable[[dict[str, Any]], bool] | None = None,
) -> FaultRule:
    """Rule: apply ``fault`` to calls of ``method`` (case-insensitive), at most ``times`` times
    (None: forever), optionally only for ``chat_id`` and/or when ``when(params)`` is true."""
    remaining = [times]

    def rule(called: str, params: dict[str, Any]) -> Fault | None:
        if called.lower() != method.lower():
            return None
        if chat_id is not None and params.get("chat_id") != chat_id:
            return None
        if when is not None and not when(params):
            return None
        if remaining[0] is not None:
            if remaining[0] <= 0:
                return None
            remaining[0] -= 1
        return fault

    return rule
