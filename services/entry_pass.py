"""The entry pass: the seat's code as a QR image (segno, pure Python) of a deep link that
an organiser's phone camera opens in Telegram: /start checkin_<CODE> checks the person in
(admins only); for anyone else it is an ordinary start."""

from __future__ import annotations

import io

import segno

CHECKIN_PREFIX = "checkin_"


def checkin_link(bot_username: str, code: str) -> str:
    return f"https://t.me/{bot_username}?start={CHECKIN_PREFIX}{code}"


def qr_png(link: str) -> bytes:
    out = io.BytesIO()
    segno.make(link, error="m").save(out, kind="png", scale=8, border=4)
    return out.getvalue()
