"""A fake Telegram Bot API server on loopback for end-to-end tests of the bot.

async with FakeTelegram() as fake:
    bot = Bot(fake.token, session=AiohttpSession(
        api=TelegramAPIServer.from_base(fake.base_url)))
    ...  # run polling (in this process or another one)
    alice = fake.user(1001, first_name="Alice", username="alice")
    await alice.send("/start")
    msg = await alice.reply(lambda m: "Register" in m.buttons)
    await alice.press("Register")
    fake.add_fault(fault_on("sendMessage", Fault.too_many(2)))
"""

from .faults import ApiError, Fault, FaultRule, fault_on
from .models import BotMessage, Recorded, UploadedFile
from .server import CLIENT_GONE, FakeTelegram
from .user import FakeGroup, FakeUser

__all__ = [
    "CLIENT_GONE",
    "ApiError",
    "BotMessage",
    "FakeGroup",
    "FakeTelegram",
    "FakeUser",
    "Fault",
    "FaultRule",
    "Recorded",
    "UploadedFile",
    "fault_on",
]
