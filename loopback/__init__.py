"""loopback: a stand-in for Telegram, a Bot API server on 127.0.0.1 with a user-side API.

It speaks enough of the Bot API (long polling, sending and editing messages, keyboards,
callback queries, files, commands) for a real aiogram Bot to run against it unchanged, and
lets you act as the people on the other side. It knows nothing of the bot it serves.

1. Start the server: ``async with FakeTelegram() as fake:`` (or ``await fake.start()``);
   it listens on a free port, ``fake.base_url`` says where.
2. Point the bot at it: ``telegram.api_base = fake.base_url`` and ``telegram.token =
   fake.token`` in the config, or by hand ``Bot(fake.token, session=AiohttpSession(
   api=TelegramAPIServer.from_base(fake.base_url)))``; then run polling (in this process
   or in another one).
3. Act as a user: ``alice = fake.user(1001, first_name="Alice")``, then
   ``await alice.send("/start")``, ``await alice.press("Register")``.
4. Read the chat: ``await alice.reply(lambda m: "Register" in m.buttons)`` waits for a
   matching bot message; ``alice.messages``, ``alice.last``, ``alice.transcript()`` and
   ``fake.sent(chat_id)`` show what the bot said, ``fake.requests`` every API call.

Faults: ``fake.add_fault(fault_on("sendMessage", Fault.too_many(2)))``; Telegram's flood
control: ``fake.add_fault(FloodControl(per_second=30, per_chat=1.0))``. Time:
``TravelClock`` (loopback.clock) is a clock to inject into the bot and move forward.
"""

from .clock import TravelClock
from .faults import ApiError, Fault, FaultRule, fault_on
from .flood import FloodControl
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
    "FloodControl",
    "Recorded",
    "TravelClock",
    "UploadedFile",
    "fault_on",
]
