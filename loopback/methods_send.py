"""sendMessage, sendDocument, sendPhoto, sendPoll, sendChatAction and reply_markup
validation."""

from __future__ import annotations

import posixpath
from typing import Any
from urllib.parse import urlparse

from .faults import bad_request
from .formatting import check_caption, check_text
from .models import BotMessage, UploadedFile
from .objects import bot_message_json
from .registry import method, require
from .state import ChatState, State

_ACTIONS = (
    "url", "callback_data", "web_app", "login_url", "switch_inline_query",
    "switch_inline_query_current_chat", "switch_inline_query_chosen_chat", "callback_game",
    "pay", "copy_text",
)  # fmt: skip
_CHAT_ACTIONS = frozenset(
    {
        "typing", "upload_photo", "record_video", "upload_video", "record_voice",
        "upload_voice", "upload_document", "choose_sticker", "find_location",
        "record_video_note", "upload_video_note",
    }
)  # fmt: skip


def check_markup(markup: Any, *, inline_only: bool = False) -> dict[str, Any] | None:
    """Validate reply_markup like Telegram; returns it (None if absent)."""
    if markup is None or markup == "":
        return None
    if not isinstance(markup, dict):
        raise bad_request("can't parse reply keyboard markup JSON object")
    if "inline_keyboard" in markup:
        rows = markup["inline_keyboard"]
        if not isinstance(rows, list) or not all(isinstance(r, list) for r in rows):
            raise bad_request("inline_keyboard must be an Array of Arrays")
        for button in (b for row in rows for b in row):
            if not isinstance(button, dict) or not any(k in button for k in _ACTIONS):
                raise bad_request("text buttons are unallowed in the inline keyboard")
            data = button.get("callback_data")
            if data is not None and not 1 <= len(str(data).encode("utf-8")) <= 64:
                raise bad_request("BUTTON_DATA_INVALID")
        return markup
    if inline_only:
        raise bad_request("inline keyboard expected")
    if not any(k in markup for k in ("keyboard", "remove_keyboard", "force_reply")):
        raise bad_request("can't parse reply keyboard markup JSON object")
    for button in (b for row in markup.get("keyboard") or [] for b in row):
        if isinstance(button, dict) and "request_users" in button:
            _check_request_users(button["request_users"])
    return markup


def _check_request_users(request: Any) -> None:
    """KeyboardButtonRequestUsers: a signed 32-bit request_id, at most 10 users."""
    if not isinstance(request, dict):
        raise bad_request("can't parse KeyboardButtonRequestUsers")
    request_id = request.get("request_id")
    if not isinstance(request_id, int) or not -(2**31) <= request_id < 2**31:
        raise bad_request("BUTTON_USER_REQUEST_ID_INVALID")
    quantity = request.get("max_quantity", 1)
    if not isinstance(quantity, int) or not 1 <= quantity <= 10:
        raise bad_request("BUTTON_USER_REQUEST_MAX_QUANTITY_INVALID")


def new_message(
    state: State,
    chat: ChatState,
    params: dict[str, Any],
    text: str,
    plain: str,
    **extra: Any,
) -> dict[str, Any]:
    markup = check_markup(params.get("reply_markup"))
    date, at = state.now()
    msg = BotMessage(
        message_id=chat.next_message_id(),
        chat_id=chat.id,
        text=text,
        parse_mode=params.get("parse_mode"),
        reply_markup=markup,
        at=at,
        plain_text=plain,
        date=date,
        **extra,
    )
    state.store(chat, msg)
    return bot_message_json(state, chat, msg)


@method("sendMessage")
async def send_message(state: State, p: dict[str, Any]) -> Any:
    chat = state.writable_chat(require(p, "chat_id"))
    text = p.get("text")
    plain = check_text(text if isinstance(text, str) else None, p.get("parse_mode"))
    return new_message(state, chat, p, str(text), plain)


def _resolve_document(state: State, doc: Any) -> str:
    if isinstance(doc, UploadedFile):
        return state.add_file(doc)
    if isinstance(doc, str) and doc in state.files:
        return doc
    if isinstance(doc, str) and doc.startswith(("http://", "https://")):
        name = posixpath.basename(urlparse(doc).path) or "file"
        return state.add_file(UploadedFile(filename=name, content=b""))
    if doc is None or doc == "":
        raise bad_request("there is no document in the request")
    raise bad_request("wrong file identifier/HTTP URL specified")


def _send_file(state: State, p: dict[str, Any], field: str) -> Any:
    """A document or a photo: kept with its bytes, so a test can read what was sent."""
    chat = state.writable_chat(require(p, "chat_id"))
    caption = p.get("caption")
    plain = check_caption(caption if isinstance(caption, str) else None, p.get("parse_mode"))
    check_markup(p.get("reply_markup"))
    file_id = _resolve_document(state, p.get(field))
    upload = state.files[file_id]
    return new_message(state, chat, p, caption if isinstance(caption, str) else "", plain,
                       document=(upload.filename, upload.content), file_id=file_id)


@method("sendDocument")
async def send_document(state: State, p: dict[str, Any]) -> Any:
    return _send_file(state, p, "document")


@method("sendPhoto")
async def send_photo(state: State, p: dict[str, Any]) -> Any:
    return _send_file(state, p, "photo")


@method("sendChatAction")
async def send_chat_action(state: State, p: dict[str, Any]) -> Any:
    chat = state.writable_chat(require(p, "chat_id"))
    action = require(p, "action")
    if action not in _CHAT_ACTIONS:
        raise bad_request("wrong parameter action in request")
    chat.actions.append(str(action))
    return True


@method("sendPoll")
async def send_poll(state: State, p: dict[str, Any]) -> Any:
    """A regular poll (Telegram's limits: a question of 1-300 characters, 2-12 options of
    1-100); the user answers it with FakeUser.vote()."""
    chat = state.writable_chat(require(p, "chat_id"))
    question = p.get("question")
    if not isinstance(question, str) or not 1 <= len(question) <= 300:
        raise bad_request("POLL_QUESTION_INVALID")
    raw = p.get("options")
    if not isinstance(raw, list) or not 2 <= len(raw) <= 12:
        raise bad_request("POLL_OPTIONS_INVALID" if isinstance(raw, list)
                          else "options must be an array")
    options = [o.get("text") if isinstance(o, dict) else o for o in raw]
    if not all(isinstance(o, str) and 1 <= len(o) <= 100 for o in options):
        raise bad_request("POLL_OPTION_INVALID")
    anonymous = p.get("is_anonymous", True) not in (False, "false")
    poll = {"id": state.new_id("5100"), "question": question, "options": options,
            "is_anonymous": anonymous}
    return new_message(state, chat, p, question, question, poll=poll)
