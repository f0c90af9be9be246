"""`python -m bench.echo_main API_BASE`: the bare aiogram echo bot (bench.echo), long polling
against API_BASE with the token from REGBOT_TELEGRAM__TOKEN; B5's start-up baseline. It
stops on SIGINT like the bot."""

from __future__ import annotations

import asyncio
import os
import sys

from aiogram.client.session.aiohttp import AiohttpSession
from aiogram.client.telegram import TelegramAPIServer

from bench.echo import echo_bot, echo_dispatcher


async def main(api_base: str) -> None:
    session = AiohttpSession(api=TelegramAPIServer.from_base(api_base))
    bot = echo_bot(session, os.environ["REGBOT_TELEGRAM__TOKEN"])
    await echo_dispatcher().start_polling(bot)


if __name__ == "__main__":
    asyncio.run(main(sys.argv[1]))
