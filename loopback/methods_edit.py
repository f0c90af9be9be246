"""editMessageText/Caption/ReplyMarkup, deleteMessage, answerCallbackQuery."""

from __future__ import annotations

from typing import Any

from .faults import bad_request
from .formatting import check_caption, check_text
from .methods_send import check_markup
from .models import BotMessage
from .objects import bot_message_json
from .registry import int_param, method, require
from .state import ChatState, State

NOT_MODIFIED = (
    "message is not modified: specified new message content and reply markup are exactly "
    "the same as a current content and reply markup of the message"
)


def _target(state: State, p: dict[str, Any]) -> tuple[ChatState, BotMessage]:
    if p.get("inline_message_id"):
        raise bad_request("MESSAGE_ID_INVALID")  # inline messages are not simulated
    chat = state.writable_chat(require(p, "chat_id"))
    msg = chat.find(int_param(p, "message_id"))
    if msg is None or msg.deleted:
        raise bad_request("message to edit not found")
    return chat, msg


def _inline(msg: BotMessage) -> dict[str, Any] | None:
    return msg.reply_markup if msg.is_inline else None


def _apply(
    state: State,
    chat: ChatState,
    msg: BotMessage,
    markup: dict[str, Any] | None,
    text: tuple[str, str, str | None] | None = None,
) -> Any:
    """Apply an edit: ``text`` is (raw text, visible text, parse_mode) or None to keep it."""
    same_text = text is None or (text[0], text[2]) == (msg.text, msg.parse_mode)
    if same_text and markup == _inline(msg):
        raise bad_request(NOT_MODIFIED)
    if text is not None and not same_text:
        msg.history.append(msg.text)
        msg.text, msg.plain_text, msg.parse_mode = text
    if markup is not None or msg.is_inline:
        msg.reply_markup = markup
    msg.edited = True
    msg.edit_date, _ = state.now()
    state.touch(chat, msg)
    return bot_message_json(state, chat, msg)


@method("editMessageText")
async def edit_message_text(state: State, p: dict[str, Any]) -> Any:
    chat, msg = _target(state, p)
    if msg.document is not None:
        raise bad_request("there is no text in the message to edit")
    raw = p.get("text")
    plain = check_text(raw if isinstance(raw, str) else None, p.get("parse_mode"))
    markup = check_markup(p.get("reply_markup"), inline_only=True)
    return _apply(state, chat, msg, markup, (str(raw), plain, p.get("parse_mode")))


@method("editMessageCaption")
async def edit_message_caption(state: State, p: dict[str, Any]) -> Any:
    chat, msg = _target(state, p)
    if msg.document is None:
        raise bad_request("there is no caption in the message to edit")
    raw = p.get("caption")
    caption = raw if isinstance(raw, str) else ""
    plain = check_caption(caption, p.get("parse_mode"))
    markup = check_markup(p.get("reply_markup"), inline_only=True)
    return _apply(state, chat, msg, markup, (caption, plain, p.get("parse_mode")))


@method("editMessageReplyMarkup")
async def edit_message_reply_markup(state: State, p: dict[str, Any]) -> Any:
    chat, msg = _target(state, p)
    markup = check_markup(p.get("reply_markup"), inline_only=True)
    return _apply(state, chat, msg, markup)


@method("deleteMessage")
async def delete_message(state: State, p: dict[str, Any]) -> Any:
    chat = state.chat(require(p, "chat_id"))
    message_id = int_param(p, "message_id")
    if chat.user_messages.pop(message_id, None) is not None:
        chat.events.append((state.now()[1], f"(bot deleted user message #{message_id})"))
        return True
    msg = chat.find(message_id)
    if msg is None or msg.deleted:
        raise bad_request("message to delete not found")
    msg.deleted = True
    state.touch(chat, msg)
    return True


@method("answerCallbackQuery")
async def answer_callback_query(state: State, p: dict[str, Any]) -> Any:
    query = state.callbacks.get(str(require(p, "callback_query_id")))
    if query is None or query.answer is not None:
        raise bad_request("query is too old and response timeout expired or query ID is invalid")
    if len(str(p.get("text") or "")) > 200:
        raise bad_request("MESSAGE_TOO_LONG")
    query.answer = dict(p)
    return True
