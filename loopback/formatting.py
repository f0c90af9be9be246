"""Telegram-like handling of message text: HTML parse mode validation and limits."""

from __future__ import annotations

import re

from .faults import ApiError, bad_request

MAX_TEXT = 4096
MAX_CAPTION = 1024

_TAGS = frozenset(
    {
        "b", "strong", "i", "em", "u", "ins", "s", "strike", "del", "span", "tg-spoiler",
        "a", "tg-emoji", "tg-time", "code", "pre", "blockquote",
    }
)  # fmt: skip
_NAMED = {"lt": "<", "gt": ">", "amp": "&", "quot": '"'}
_ENTITY = re.compile(r"&(#[0-9]+|#[xX][0-9a-fA-F]+|[a-zA-Z]+);")
_START = re.compile(r"<([^\s<>/]*)((?:[^<>\"']|\"[^\"]*\"|'[^']*')*)>")
_END = re.compile(r"</([^\s<>]*)\s*>")


def _cant_parse(detail: str) -> ApiError:
    return bad_request(f"can't parse entities: {detail}")


def html_to_plain(text: str) -> str:
    """Resolve Telegram HTML into the visible text, raising like Telegram on bad markup."""

    def at(index: int) -> int:  # Telegram reports UTF-8 byte offsets
        return len(text[:index].encode("utf-8"))

    out: list[str] = []
    stack: list[tuple[str, int]] = []
    i = 0
    while i < len(text):
        ch = text[i]
        if ch == "&" and (m := _ENTITY.match(text, i)):
            name = m.group(1)
            if name.startswith("#"):
                code = int(name[2:], 16) if name[1] in "xX" else int(name[1:])
                out.append(chr(code) if 0 < code < 0x110000 else m.group(0))
            else:
                out.append(_NAMED.get(name.lower(), m.group(0)))
            i = m.end()
        elif ch == "<" and text.startswith("</", i):
            end = _END.match(text, i)
            if end is None:
                raise _cant_parse(f"Unclosed end tag at byte offset {at(i)}")
            name = end.group(1).lower()
            if not stack:
                raise _cant_parse(f"Unexpected end tag at byte offset {at(i)}")
            if stack[-1][0] != name:
                raise _cant_parse(
                    f'Unmatched end tag at byte offset {at(i)}, expected "</{stack[-1][0]}>", '
                    f'found "</{name}>"'
                )
            stack.pop()
            i = end.end()
        elif ch == "<":
            start = _START.match(text, i)
            if start is None:
                raise _cant_parse(f"Unclosed start tag at byte offset {at(i)}")
            name = start.group(1).lower()
            if name not in _TAGS:
                raise _cant_parse(
                    f'Unsupported start tag "{start.group(1)}" at byte offset {at(i)}'
                )
            stack.append((name, i))
            i = start.end()
        else:
            out.append(ch)
            i += 1
    if stack:
        raise _cant_parse(f'Can\'t find end tag corresponding to start tag "{stack[-1][0]}"')
    return "".join(out)


def visible_text(text: str, parse_mode: str | None) -> str:
    """The text the user would see; validates HTML. Markdown modes are not validated."""
    if parse_mode is not None and parse_mode.lower() == "html":
        return html_to_plain(text)
    return text


def check_text(text: str | None, parse_mode: str | None) -> str:
    """Validate a message text like Telegram does; returns the visible text."""
    if text is None or not text.strip():
        raise bad_request("message text is empty")
    plain = visible_text(text, parse_mode)
    if not plain.strip():
        raise bad_request("message text is empty")
    if len(plain) > MAX_TEXT:
        raise bad_request("message is too long")
    return plain


def check_caption(caption: str | None, parse_mode: str | None) -> str:
    if not caption:
        return ""
    plain = visible_text(caption, parse_mode)
    if len(plain) > MAX_CAPTION:
        raise bad_request("message caption is too long")
    return plain
