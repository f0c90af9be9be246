"""The fake Telegram Bot API, exercised by a real aiogram Bot/Dispatcher over HTTP."""

from __future__ import annotations

import asyncio
import html
import time
from collections.abc import AsyncIterator
from typing import Any

import aiohttp
import pytest
from aiogram import Bot, Dispatcher, F, Router
from aiogram.client.default import DefaultBotProperties
from aiogram.client.session.aiohttp import AiohttpSession
from aiogram.client.telegram import TelegramAPIServer
from aiogram.exceptions import (
    TelegramBadRequest,
    TelegramForbiddenError,
    TelegramNetworkError,
    TelegramRetryAfter,
    TelegramServerError,
)
from aiogram.filters import CommandStart
from aiogram.types import (
    BotCommand,
    BotCommandScopeAllPrivateChats,
    BotCommandScopeChat,
    BufferedInputFile,
    CallbackQuery,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    KeyboardButton,
    Message,
    ReplyKeyboardMarkup,
    ReplyKeyboardRemove,
)

from loopback import FakeTelegram, Fault, fault_on


class FastSession(AiohttpSession):
    """AiohttpSession whose close() skips the 250 ms grace sleep (keeps the suite fast)."""

    async def close(self) -> None:
        if self._session is not None and not self._session.closed:
            await self._session.close()


def make_bot(fake: FakeTelegram, timeout: float = 60.0) -> Bot:
    api = TelegramAPIServer.from_base(fake.base_url)
    return Bot(
        fake.token,
        session=FastSession(api=api, timeout=timeout),
        default=DefaultBotProperties(parse_mode="HTML"),
    )


@pytest.fixture
async def fake() -> AsyncIterator[FakeTelegram]:
    async with FakeTelegram(token="123456:TEST-TOKEN", bot_username="regbot_test") as server:
        yield server


@pytest.fixture
async def bot(fake: FakeTelegram) -> AsyncIterator[Bot]:
    client = make_bot(fake)
    yield client
    await client.session.close()


def echo_router(seen: list[Message]) -> Router:
    router = Router()

    @router.message(CommandStart())
    async def start(message: Message) -> None:
        seen.append(message)
        name = message.from_user.first_name if message.from_user else "?"
        keyboard = InlineKeyboardMarkup(
            inline_keyboard=[
                [InlineKeyboardButton(text="Register", callback_data="reg:1")],
                [InlineKeyboardButton(text="Site", url="https://example.org")],
            ]
        )
        await message.answer(f"Hi <b>{html.escape(name)}</b>", reply_markup=keyboard)

    @router.callback_query(F.data.startswith("reg:"))
    async def register(callback: CallbackQuery) -> None:
        await callback.answer("Registered!", show_alert=True)
        if isinstance(callback.message, Message):
            await callback.message.edit_text("You are registered")

    @router.message(F.text)
    async def echo(message: Message) -> None:
        await message.answer(f"echo: {html.escape(message.text or '')}")

    return router


async def test_polling_dispatcher_end_to_end(fake: FakeTelegram) -> None:
    bot = make_bot(fake)  # start_polling closes the bot session itself
    seen: list[Message] = []
    dp = Dispatcher()
    dp.include_router(echo_router(seen))
    polling = asyncio.create_task(dp.start_polling(bot, handle_signals=False, polling_timeout=1))
    try:
        alice = fake.user(1001, first_name="Alice", username="alice")
        await alice.send("/start")
        hello = await alice.reply()
        assert hello.text == "Hi <b>Alice</b>"
        assert hello.plain_text == "Hi Alice"
        assert hello.parse_mode == "HTML"
        assert hello.buttons == ["Register", "Site"]
        assert seen[0].entities is not None
        assert seen[0].entities[0].type == "bot_command"

        await alice.press("Regis")  # substring match
        answer = await alice.answer_to_press()
        assert answer["text"] == "Registered!"
        assert answer["show_alert"] is True
        edited = await alice.reply(lambda m: m.edited)
        assert edited is hello  # edits mutate the stored message in place
        assert edited.text == "You are registered"
        assert edited.buttons == []  # editMessageText without reply_markup drops the keyboard
        assert alice.callback_answers == [answer]

        await alice.send("<hi> & bye")
        echo = await alice.reply()
        assert echo.plain_text == "echo: <hi> & bye"
        await fake.wait_until(lambda: fake.pending_updates == 0, timeout=5)
        assert [m.message_id for m in alice.messages] == [2, 4]  # shared per-chat counter
        assert fake.calls("getMe")
    finally:
        await dp.stop_polling()
        await polling
    # the long poll cut off by stop_polling may be recorded as 499 (client went away)
    assert all(
        r.status == 200 or (r.method, r.status) == ("getUpdates", 499) for r in fake.requests
    )


async def test_send_document_roundtrip(fake: FakeTelegram, bot: Bot) -> None:
    alice = fake.user(1001, first_name="Alice")
    data = b"name,seat\nAlice,12\n"
    sent = await bot.send_document(
        alice.id, BufferedInputFile(data, filename="export.csv"), caption="<b>Export</b>"
    )
    assert sent.document is not None
    assert sent.document.file_name == "export.csv"
    assert sent.document.file_size == len(data)
    assert sent.caption == "Export"
    assert alice.last.document == ("export.csv", data)
    assert alice.last.text == "<b>Export</b>"
    again = await bot.send_document(alice.id, sent.document.file_id)
    assert again.document is not None and again.document.file_id == sent.document.file_id
    assert alice.last.document == ("export.csv", data)
    uploaded = fake.calls("sendDocument")[0].params["document"]
    assert uploaded.filename == "export.csv" and uploaded.content == data


async def test_faults_map_to_aiogram_exceptions(fake: FakeTelegram, bot: Bot) -> None:
    alice = fake.user(1001)
    fake.add_fault(fault_on("sendMessage", Fault.too_many(3)))
    with pytest.raises(TelegramRetryAfter) as retry:
        await bot.send_message(alice.id, "one")
    assert retry.value.retry_after == 3
    assert alice.messages == []  # a faulted request has no side effect
    assert fake.calls("sendMessage")[-1].status == 429
    await bot.send_message(alice.id, "two")  # the rule fired only once
    assert alice.last.text == "two"

    fake.add_fault(lambda method, params: Fault.blocked() if params.get("text") == "x" else None)
    with pytest.raises(TelegramForbiddenError):
        await bot.send_message(alice.id, "x")
    fake.clear_faults()
    fake.add_fault(fault_on("sendChatAction", Fault.server_error(), times=None))
    with pytest.raises(TelegramServerError):
        await bot.send_chat_action(alice.id, "typing")
    fake.clear_faults()

    fake.block(alice.id)
    with pytest.raises(TelegramForbiddenError, match="bot was blocked by the user"):
        await bot.send_message(alice.id, "hello?")
    fake.unblock(alice.id)
    with pytest.raises(TelegramBadRequest, match="chat not found"):
        await bot.send_message(424242, "nobody")
    assert [m.text for m in alice.messages] == ["two"]
    assert [r.status for r in fake.calls("sendMessage")] == [429, 200, 403, 403, 400]


async def test_hang_provokes_client_timeout_and_slow_succeeds(fake: FakeTelegram) -> None:
    alice = fake.user(1001)
    bot = make_bot(fake, timeout=0.15)
    try:
        fake.add_fault(fault_on("sendMessage", Fault.hang(10)))
        started = time.monotonic()
        with pytest.raises(TelegramNetworkError):
            await bot.send_message(alice.id, "lost")
        assert time.monotonic() - started < 2
        # the server notices the disconnect: recorded as 499, and nothing was stored
        await fake.wait_until(lambda: [r.status for r in fake.calls("sendMessage")] == [499])
        assert alice.messages == []
        fake.clear_faults()
        fake.add_fault(fault_on("sendMessage", Fault.slow(0.05)))
        await bot.send_message(alice.id, "late but fine")
        assert [m.text for m in alice.messages] == ["late but fine"]
    finally:
        await bot.session.close()


async def test_long_poll_returns_early_on_update(fake: FakeTelegram, bot: Bot) -> None:
    alice = fake.user(1001, first_name="Alice")
    poll = asyncio.create_task(bot.get_updates(timeout=10))
    await fake.wait_until(lambda: fake.polling, timeout=2)
    started = time.monotonic()
    await alice.send("/start deep_link")
    updates = await asyncio.wait_for(poll, timeout=2)
    assert time.monotonic() - started < 1
    assert len(updates) == 1 and updates[0].message is not None
    message = updates[0].message
    assert message.text == "/start deep_link" and message.chat.type == "private"
    assert message.entities is not None and message.entities[0].length == len("/start")
    assert fake.pending_updates == 1  # not confirmed yet
    assert await bot.get_updates(offset=updates[0].update_id + 1) == []
    assert fake.pending_updates == 0


async def test_telegram_validation_errors(fake: FakeTelegram, bot: Bot) -> None:
    alice = fake.user(1001)
    with pytest.raises(TelegramBadRequest, match="message is too long"):
        await bot.send_message(alice.id, "x" * 4097)
    with pytest.raises(TelegramBadRequest, match="message text is empty"):
        await bot.send_message(alice.id, "   ")
    with pytest.raises(TelegramBadRequest, match="can't parse entities"):
        await bot.send_message(alice.id, "line<br>break")
    too_long = InlineKeyboardButton(text="a", callback_data="d" * 65)
    with pytest.raises(TelegramBadRequest, match="BUTTON_DATA_INVALID"):
        await bot.send_message(
            alice.id, "t", reply_markup=InlineKeyboardMarkup(inline_keyboard=[[too_long]])
        )
    with pytest.raises(TelegramBadRequest, match="message to edit not found"):
        await bot.edit_message_text("new", chat_id=alice.id, message_id=999)
    keyboard = InlineKeyboardMarkup(
        inline_keyboard=[[InlineKeyboardButton(text="A", callback_data="a")]]
    )
    sent = await bot.send_message(alice.id, "same", reply_markup=keyboard)
    with pytest.raises(TelegramBadRequest, match="message is not modified"):
        await bot.edit_message_text(
            "same", chat_id=alice.id, message_id=sent.message_id, reply_markup=keyboard
        )
    await bot.edit_message_reply_markup(chat_id=alice.id, message_id=sent.message_id)
    assert alice.last.buttons == [] and alice.last.edited
    assert await bot.delete_message(alice.id, sent.message_id)
    assert alice.messages[-1].deleted
    with pytest.raises(TelegramBadRequest, match="message to delete not found"):
        await bot.delete_message(alice.id, sent.message_id)
    assert len(alice.messages) == 1  # only the successful send was stored


async def test_bot_commands_per_scope(fake: FakeTelegram, bot: Bot) -> None:
    alice = fake.user(1001)
    await bot.set_my_commands([BotCommand(command="start", description="Start")])
    await bot.set_my_commands(
        [BotCommand(command="cancel", description="Cancel")],
        scope=BotCommandScopeAllPrivateChats(),
    )
    await bot.set_my_commands(
        [BotCommand(command="admin", description="Admin")],
        scope=BotCommandScopeChat(chat_id=alice.id),
    )
    assert fake.commands() == [{"command": "start", "description": "Start"}]
    assert [c["command"] for c in fake.commands("all_private_chats")] == ["cancel"]
    assert [c["command"] for c in fake.commands(f"chat:{alice.id}")] == ["admin"]
    chat_scope = {"type": "chat", "chat_id": alice.id}
    assert fake.commands(chat_scope) == fake.commands(f"chat:{alice.id}")
    got = await bot.get_my_commands(scope=BotCommandScopeAllPrivateChats())
    assert [c.command for c in got] == ["cancel"]
    await bot.delete_my_commands(scope=BotCommandScopeAllPrivateChats())
    assert fake.commands("all_private_chats") == []
    with pytest.raises(TelegramBadRequest, match="BOT_COMMAND_INVALID"):
        await bot.set_my_commands([BotCommand(command="Start", description="x")])


async def test_user_payloads_parse_as_aiogram_updates(fake: FakeTelegram, bot: Bot) -> None:
    alice = fake.user(1001, first_name="Alice", username="alice")
    bob = fake.user(1002, first_name="Bob")
    group = fake.group(-100123, title="Event chat")
    await alice.send_contact(phone="+77011234567")
    await alice.send_contact(phone="+77000000000", user_id=bob.id)
    await alice.send_sticker()
    await alice.send_photo(caption="me")
    await alice.send_voice()
    await alice.send_document("cv.pdf", b"%PDF")
    await alice.send_location(43.2, 76.9)
    await group.send(bob, "hello group")
    updates = await bot.get_updates()
    messages = [u.message for u in updates if u.message is not None]
    assert [u.update_id for u in updates] == list(range(1, 9))
    assert messages[0].contact is not None and messages[0].contact.user_id == alice.id
    assert messages[1].contact is not None and messages[1].contact.user_id == bob.id
    assert messages[2].sticker is not None and messages[3].photo and messages[3].caption == "me"
    assert messages[4].voice is not None and messages[5].document is not None
    assert messages[6].location is not None and messages[6].location.latitude == 43.2
    assert messages[7].chat.type == "supergroup" and messages[7].from_user is not None
    assert messages[7].from_user.id == bob.id
    await bot.send_message(group.chat_id, "hi all")
    assert group.last.text == "hi all" and fake.sent(group.chat_id) == group.messages
    chat = await bot.get_chat(alice.id)
    assert chat.username == "alice" and chat.type == "private"


async def test_reply_keyboard_and_chat_actions(fake: FakeTelegram, bot: Bot) -> None:
    alice = fake.user(1001)
    markup = ReplyKeyboardMarkup(
        keyboard=[[KeyboardButton(text="Share phone", request_contact=True)]],
        resize_keyboard=True,
    )
    await bot.send_message(alice.id, "Phone?", reply_markup=markup)
    assert alice.last.reply_keyboard == ["Share phone"] and alice.keyboard == ["Share phone"]
    await bot.send_chat_action(alice.id, "typing")
    await bot.send_message(alice.id, "Thanks", reply_markup=ReplyKeyboardRemove())
    assert alice.keyboard == [] and alice.chat_actions == ["typing"]


async def test_waits_fail_with_transcript(fake: FakeTelegram, bot: Bot) -> None:
    alice = fake.user(1001, first_name="Alice")
    await bot.send_message(alice.id, "Welcome")
    await alice.send("ping")
    with pytest.raises(AssertionError, match=r"(?s)Transcript.*Welcome.*ping"):
        await alice.reply(timeout=0.05)
    with pytest.raises(AssertionError, match="no inline button 'Nope'"):
        await alice.press("Nope")
    assert (await alice.wait_for(lambda m: "Wel" in m.text, timeout=0.05)).text == "Welcome"
    # A forged callback on the latest message; answering it twice is an error like Telegram.
    query_id = await alice.press_data("forged:data")
    assert await bot.answer_callback_query(query_id, text="nope")
    assert (await alice.answer_to_press(timeout=1))["text"] == "nope"
    with pytest.raises(TelegramBadRequest, match="query is too old"):
        await bot.answer_callback_query(query_id)


async def test_raw_protocol(fake: FakeTelegram) -> None:
    base = f"{fake.base_url}/bot{fake.token}"
    alice = fake.user(1001)

    async def call(
        http: aiohttp.ClientSession, url: str, **kwargs: Any
    ) -> tuple[int, dict[str, Any]]:
        async with http.post(url, **kwargs) as resp:
            return resp.status, await resp.json()

    async with aiohttp.ClientSession() as http:
        status, body = await call(http, f"{fake.base_url}/bot1:WRONG/getMe")
        assert (status, body["description"]) == (401, "Unauthorized")
        status, body = await call(http, f"{base}/noSuchMethod")
        assert (status, body) == (404, {"ok": False, "error_code": 404, "description": "Not Found"})
        status, body = await call(
            http, f"{base}/sendMessage", json={"chat_id": alice.id, "text": "j"}
        )
        assert status == 200 and body["result"]["text"] == "j"
        status, body = await call(
            http, f"{base}/SENDMESSAGE", data={"chat_id": "1001", "text": "1"}
        )
        assert status == 200 and alice.last.text == "1"  # urlencoded, numeric text stays text
        started = time.monotonic()
        status, body = await call(http, f"{base}/getUpdates", data={"timeout": "0.1"})
        assert body["result"] == [] and 0.09 < time.monotonic() - started < 1.5
        first = asyncio.create_task(call(http, f"{base}/getUpdates", data={"timeout": "5"}))
        await fake.wait_until(lambda: fake.polling, timeout=2)
        second = asyncio.create_task(call(http, f"{base}/getUpdates", data={"timeout": "5"}))
        status, body = await asyncio.wait_for(first, timeout=2)
        assert status == 409 and "Conflict" in body["description"]
        await alice.send("wake up")
        status, body = await asyncio.wait_for(second, timeout=2)
        assert body["result"][0]["message"]["text"] == "wake up"
