"""aiogram runs a plain `F.` filter in a worker thread (asyncio.to_thread) on every check;
they are attribute look-ups, so `Inline` evaluates them on the event loop instead. (Bare
`State` filters cost the same: use StateFilter, which is already async.)"""

from __future__ import annotations

from typing import Any

from aiogram.filters import Filter
from aiogram.types import TelegramObject
from magic_filter import MagicFilter


class Inline(Filter):
    def __init__(self, magic: MagicFilter) -> None:
        self.magic = magic

    async def __call__(self, event: TelegramObject) -> bool | dict[str, Any]:
        result = self.magic.resolve(event)
        return result if isinstance(result, dict) else bool(result)
