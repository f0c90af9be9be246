"""Builders of Bot API JSON objects (User, Chat, Message, ...) that aiogram can parse."""

from __future__ import annotations

from typing import Any

from .models import BotMessage, Person
from .state import ChatState, State


def user_json(person: Person) -> dict[str, Any]:
    data: dict[str, Any] = {
        "id": person.id,
        "is_bot": person.is_bot,
        "first_name": person.first_name,
    }
    for key in ("last_name", "username", "language_code"):
        if (value := getattr(person, key)) is not None:
            data[key] = value
    return data


def me_json(bot: Person) -> dict[str, Any]:
    return user_json(bot) | {
        "can_join_groups": True,
        "can_read_all_group_messages": False,
        "supports_inline_queries": False,
        "can_connect_to_business": False,
        "has_main_web_app": False,
    }


def chat_json(chat: ChatState) -> dict[str, Any]:
    data: dict[str, Any] = {"id": chat.id, "type": chat.type}
    if chat.person is not None:
        data |= {k: v for k, v in user_json(chat.person).items() if k in _PRIVATE_CHAT_KEYS}
    if chat.title is not None:
        data["title"] = chat.title
    if chat.username is not None:
        data["username"] = chat.username
    return data


_PRIVATE_CHAT_KEYS = ("first_name", "last_name", "username")


def chat_full_json(chat: ChatState) -> dict[str, Any]:
    return chat_json(chat) | {
        "accent_color_id": 0,
        "max_reaction_count": 11,
        "accepted_gift_types": {
            "unlimited_gifts": False,
            "limited_gifts": False,
            "unique_gifts": False,
            "premium_subscription": False,
            "gifts_from_channels": False,
        },
    }


def bot_message_json(state: State, chat: ChatState, msg: BotMessage) -> dict[str, Any]:
    """The Message object Telegram returns for a bot's own message."""
    data: dict[str, Any] = {
        "message_id": msg.message_id,
        "from": user_json(state.bot),
        "chat": chat_json(chat),
        "date": msg.date,
    }
    if msg.edit_date is not None:
        data["edit_date"] = msg.edit_date
    if msg.document is not None:
        name, content = msg.document
        upload = state.files.get(msg.file_id or "")
        data["document"] = {
            "file_id": msg.file_id,
            "file_unique_id": f"u{msg.file_id}",
            "file_name": name,
            "mime_type": upload.content_type if upload else "application/octet-stream",
            "file_size": len(content),
        }
        if msg.plain_text:
            data["caption"] = msg.plain_text
    elif msg.poll is not None:
        data["poll"] = poll_json(msg.poll)
    else:
        data["text"] = msg.plain_text
    if msg.is_inline:
        data["reply_markup"] = msg.reply_markup
    return data


def poll_json(poll: dict[str, Any]) -> dict[str, Any]:
    return {
        "id": poll["id"],
        "question": poll["question"],
        "options": [{"persistent_id": str(i), "text": o, "voter_count": 0}
                    for i, o in enumerate(poll["options"])],
        "total_voter_count": 0,
        "is_closed": False,
        "is_anonymous": poll["is_anonymous"],
        "type": "regular",
        "allows_multiple_answers": False,
        "allows_revoting": True,
        "members_only": False,
    }


def user_message_json(
    chat: ChatState, sender: Person, message_id: int, date: int, content: dict[str, Any]
) -> dict[str, Any]:
    return {
        "message_id": message_id,
        "from": user_json(sender),
        "chat": chat_json(chat),
        "date": date,
    } | content


def command_entities(text: str) -> list[dict[str, Any]]:
    """Telegram marks a leading /command (optionally /command@botname) as bot_command."""
    if not text.startswith("/"):
        return []
    token = text.split(maxsplit=1)[0] if text.strip() else text
    name = token[1:].split("@", 1)
    valid_chars = all(c.isalnum() or c == "_" for c in name[0])
    if not name[0] or not valid_chars:
        return []
    length = len(token.encode("utf-16-le")) // 2
    return [{"type": "bot_command", "offset": 0, "length": length}]
