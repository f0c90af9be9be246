"""The entry pass: the seat's code as a QR image (segno, pure Python) of a deep link that
an organiser's phone camera opens in Telegram: /start checkin_<CODE> checks the person in
(admins only); for anyone else it is an ordinary start."""

from __future__ import annotations

import io
from functools import cache
from typing import Any

import segno

from services.typeface import font_path

CHECKIN_PREFIX = "checkin_"
# A font with Cyrillic and Kazakh letters for the lines under the code: DejaVu Sans, shipped
# in services/fonts/ (the certificates use it too), so every install draws әғқңөұүһі.
SCALE, BORDER = 8, 4
PASS_WIDTH = 720  # pixels


def checkin_link(bot_username: str, code: str) -> str:
    return f"https://t.me/{bot_username}?start={CHECKIN_PREFIX}{code}"


def qr_png(link: str) -> bytes:
    out = io.BytesIO()
    segno.make(link, error="m").save(out, kind="png", scale=8, border=4)
    return out.getvalue()


@cache
def _font(size: int) -> Any:
    from PIL import ImageFont

    return ImageFont.truetype(font_path(), size)


def pass_png(link: str, lines: list[str]) -> bytes:
    """The code, and under it who and what it is for (name, event, date): a volunteer at
    the door can tell whose pass it is without scanning it."""
    from PIL import Image, ImageDraw  # here: only a pass needs it

    code = Image.open(io.BytesIO(qr_png(link))).convert("L")
    size, pad = 28, 12
    font = _font(size)
    width = max(code.width, PASS_WIDTH)  # room for a name and a title under a small code
    shown = [_fit(line, font, width - 2 * pad) for line in lines if line]
    height = code.height + len(shown) * (size + pad) + pad
    page = Image.new("L", (width, height), 255)
    page.paste(code, ((width - code.width) // 2, 0))
    draw = ImageDraw.Draw(page)
    top = code.height - SCALE * BORDER // 2
    for line in shown:
        left = max(pad, (width - draw.textlength(line, font=font)) / 2)
        draw.text((left, top), line, font=font, fill=0)
        top += size + pad
    out = io.BytesIO()
    page.save(out, format="PNG")
    return out.getvalue()


def _fit(line: str, font: Any, width: float) -> str:
    """Shortened with "…" to the image's width (a long event title)."""
    from PIL import Image, ImageDraw

    draw = ImageDraw.Draw(Image.new("L", (1, 1)))
    if draw.textlength(line, font=font) <= width:
        return line
    while line and draw.textlength(line + "…", font=font) > width:
        line = line[:-1]
    return line.rstrip() + "…"
