"""The loopback's request_users button (KeyboardButtonRequestUsers) and the users_shared
message a pick sends back, as Telegram has them, checked with a bare aiogram Bot."""

from __future__ import annotations

import pytest
from aiogram import Bot
from aiogram.exceptions import TelegramBadRequest
from aiogram.types import KeyboardButton, KeyboardButtonRequestUsers, ReplyKeyboardMarkup, Update

from loopback import FakeTelegram


def pick(request_id: int, max_quantity: int | None = None,
         request_name: bool | None = None) -> ReplyKeyboardMarkup:
    button = KeyboardButton(text="Pick someone", request_users=KeyboardButtonRequestUsers(
        request_id=request_id, max_quantity=max_quantity, request_name=request_name))
    return ReplyKeyboardMarkup(keyboard=[[button]])


async def test_a_pick_comes_back_as_users_shared(fake: FakeTelegram, bot: Bot) -> None:
    olga = fake.user(1, first_name="Olga")
    erin = fake.user(2, first_name="Erin", last_name="Lee", username="erin")
    await bot.send_message(olga.id, "Who?", reply_markup=pick(42, request_name=True))
    await olga.share_users("Pick", [erin])
    updates = [Update.model_validate(u) for u in await bot.get_updates()]
    shared = updates[-1].message.users_shared if updates[-1].message else None
    assert shared is not None and shared.request_id == 42
    assert [(u.user_id, u.first_name, u.last_name, u.username) for u in shared.users] == [
        (2, "Erin", "Lee", None)]  # the name was asked for, the username was not


async def test_a_bad_request_users_button_is_refused(fake: FakeTelegram, bot: Bot) -> None:
    fake.user(1)
    with pytest.raises(TelegramBadRequest, match="REQUEST_ID"):
        await bot.send_message(1, "Who?", reply_markup=pick(2**31))
    with pytest.raises(TelegramBadRequest, match="MAX_QUANTITY"):
        await bot.send_message(1, "Who?", reply_markup=pick(1, max_quantity=11))


async def test_only_a_shown_button_can_be_used(fake: FakeTelegram, bot: Bot) -> None:
    olga = fake.user(1)
    with pytest.raises(AssertionError, match="no request_users button"):
        await olga.share_users("Pick", [fake.user(2)])
    await bot.send_message(olga.id, "Who?", reply_markup=pick(7))
    with pytest.raises(AssertionError, match="1-1"):
        await olga.share_users("Pick", [fake.user(2), fake.user(3)])
