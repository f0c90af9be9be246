"""Plain data records kept by the fake server."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class Recorded:
    """One HTTP request the bot made. ``at`` is time.monotonic() at receipt."""

    method: str
    params: dict[str, Any]
    at: float
    status: int


@dataclass
class UploadedFile:
    filename: str
    content: bytes
    content_type: str = "application/octet-stream"


@dataclass
class Person:
    id: int
    first_name: str
    last_name: str | None = None
    username: str | None = None
    language_code: str | None = None
    is_bot: bool = False
    blocked: bool = False


@dataclass
class BotMessage:
    """A message the bot sent. Edits mutate it in place; deletion only flags it."""

    message_id: int
    chat_id: int
    text: str  # message text, or the caption of a document ("" if none)
    parse_mode: str | None
    reply_markup: dict[str, Any] | None
    at: float  # time.monotonic() of the send
    plain_text: str = ""  # ``text`` with HTML markup resolved (what the user sees)
    document: tuple[str, bytes] | None = None
    file_id: str | None = None
    date: int = 0
    edited: bool = False
    deleted: bool = False
    edit_date: int | None = None
    seq: int = 0  # chat write counter at the last send/edit
    history: list[str] = field(default_factory=list)  # previous texts, oldest first
    # sendPoll: {"id", "question", "options": [text, ...], "is_anonymous"}
    poll: dict[str, Any] | None = None

    @property
    def is_inline(self) -> bool:
        return bool(self.reply_markup and "inline_keyboard" in self.reply_markup)

    @property
    def inline_buttons(self) -> list[dict[str, Any]]:
        if not self.reply_markup:
            return []
        rows = self.reply_markup.get("inline_keyboard") or []
        return [button for row in rows for button in row]

    @property
    def buttons(self) -> list[str]:
        """Flat list of inline button texts."""
        return [str(b.get("text", "")) for b in self.inline_buttons]

    @property
    def buttons_data(self) -> dict[str, str | None]:
        """Inline button text -> callback_data (None for url/other buttons)."""
        return {str(b.get("text", "")): b.get("callback_data") for b in self.inline_buttons}

    @property
    def reply_keyboard(self) -> list[str]:
        """Flat list of reply keyboard button texts (empty if not a reply keyboard)."""
        if not self.reply_markup:
            return []
        rows = self.reply_markup.get("keyboard") or []
        return [b if isinstance(b, str) else str(b.get("text", "")) for row in rows for b in row]

    @property
    def removes_keyboard(self) -> bool:
        return bool(self.reply_markup and self.reply_markup.get("remove_keyboard"))

    def describe(self) -> str:
        flags = "".join(
            f" [{flag}]" for flag, on in (("edited", self.edited), ("deleted", self.deleted)) if on
        )
        line = f"< bot #{self.message_id}{flags}: {self.text!r}"
        if self.document is not None:
            line += f" (document {self.document[0]!r}, {len(self.document[1])} bytes)"
        if self.poll is not None:
            line += f" (poll {self.poll['options']})"
        if self.buttons:
            line += f" inline={self.buttons}"
        if self.reply_keyboard:
            line += f" keyboard={self.reply_keyboard}"
        if self.removes_keyboard:
            line += " (remove keyboard)"
        return line
