"""getMe, getUpdates, setWebhook/deleteWebhook (recorded), commands, descriptions, getChat,
logOut/close."""

from __future__ import annotations

import re
from typing import Any

from .faults import ApiError, bad_request
from .objects import chat_full_json, me_json
from .registry import method, require
from .state import State

_COMMAND = re.compile(r"[a-z0-9_]{1,32}")
CONFLICT = (
    "Conflict: terminated by other getUpdates request; "
    "make sure that only one bot instance is running"
)


@method("getMe")
async def get_me(state: State, p: dict[str, Any]) -> Any:
    return me_json(state.bot)


@method("getUpdates")
async def get_updates(state: State, p: dict[str, Any]) -> Any:
    state.poll_generation += 1
    generation = state.poll_generation
    if p.get("offset") is not None:
        state.confirm(int(p["offset"]))
    limit = min(max(int(p.get("limit") or 100), 1), 100)
    timeout = max(float(p.get("timeout") or 0), 0.0)

    def ready() -> bool:
        return bool(state.updates) or state.closing or state.poll_generation != generation

    if timeout and not ready():
        state.long_polls += 1
        try:
            await state.notify()  # let wait_until() observers see that a long poll is waiting
            await state.wait(ready, timeout)
        finally:
            state.long_polls -= 1
    if state.poll_generation != generation:
        raise ApiError(409, CONFLICT)
    return state.updates[:limit]


@method("setWebhook")
async def set_webhook(state: State, p: dict[str, Any]) -> Any:
    # Recorded only: the fake does not call the URL (tests POST updates to the bot
    # themselves, see tests/test_webhook.py); the queue stays readable by tests.
    url = str(p.get("url") or "")
    if url and not url.startswith("https://"):
        raise bad_request("bad webhook: An HTTPS URL must be provided for webhook")
    secret = p.get("secret_token")
    if secret is not None and not re.fullmatch(r"[A-Za-z0-9_-]{1,256}", str(secret)):
        raise bad_request("bad webhook: secret token contains unallowed characters")
    state.webhook_url = url
    state.webhook_secret = str(secret) if secret is not None and url else None
    if p.get("drop_pending_updates"):
        state.updates.clear()
    return True


@method("deleteWebhook")
async def delete_webhook(state: State, p: dict[str, Any]) -> Any:
    state.webhook_url, state.webhook_secret = "", None
    if p.get("drop_pending_updates"):
        state.updates.clear()
    return True


@method("getWebhookInfo")
async def get_webhook_info(state: State, p: dict[str, Any]) -> Any:
    return {"url": state.webhook_url, "has_custom_certificate": False,
            "pending_update_count": len(state.updates)}


@method("logOut")
async def log_out(state: State, p: dict[str, Any]) -> Any:
    return True


@method("close")
async def close(state: State, p: dict[str, Any]) -> Any:
    return True


def scope_key(state: State, scope: Any) -> str:
    """'default', 'all_private_chats', 'chat:<id>', 'chat_member:<id>:<user>', ..."""
    if scope is None or scope == "":
        return "default"
    if not isinstance(scope, dict) or not isinstance(scope.get("type"), str):
        raise bad_request("can't parse BotCommandScope JSON object")
    kind: str = scope["type"]
    if "chat_id" not in scope:
        return kind
    chat = state.chat(scope["chat_id"])
    key = f"{kind}:{chat.id}"
    return f"{key}:{scope['user_id']}" if "user_id" in scope else key


@method("setMyCommands")
async def set_my_commands(state: State, p: dict[str, Any]) -> Any:
    commands = p.get("commands") or []
    if not isinstance(commands, list):
        raise bad_request("can't parse commands JSON object")
    for cmd in commands:
        if not isinstance(cmd, dict) or not _COMMAND.fullmatch(str(cmd.get("command", ""))):
            raise bad_request("BOT_COMMAND_INVALID")
        if not str(cmd.get("description", "")).strip():
            raise bad_request("command description must be non-empty")
        if len(str(cmd["description"])) > 256:
            raise bad_request("BOT_COMMAND_INVALID")
    key = (scope_key(state, p.get("scope")), str(p.get("language_code") or ""))
    state.commands[key] = [
        {"command": c["command"], "description": c["description"]} for c in commands
    ]
    return True


@method("deleteMyCommands")
async def delete_my_commands(state: State, p: dict[str, Any]) -> Any:
    state.commands.pop((scope_key(state, p.get("scope")), str(p.get("language_code") or "")), None)
    return True


@method("getMyCommands")
async def get_my_commands(state: State, p: dict[str, Any]) -> Any:
    key = (scope_key(state, p.get("scope")), str(p.get("language_code") or ""))
    return state.commands.get(key, [])


# Telegram's limits for the two profile texts.
_PROFILE_LIMITS = {"description": 512, "short_description": 120}


def _set_profile(state: State, p: dict[str, Any], field: str) -> bool:
    text = str(p.get(field) or "")
    if len(text) > _PROFILE_LIMITS[field]:
        raise bad_request(f"{field.upper()}_TOO_LONG")
    key = (field, str(p.get("language_code") or ""))
    if text:
        state.profile[key] = text
    else:
        state.profile.pop(key, None)  # an empty text removes that language's version
    return True


@method("setMyDescription")
async def set_my_description(state: State, p: dict[str, Any]) -> Any:
    return _set_profile(state, p, "description")


@method("getMyDescription")
async def get_my_description(state: State, p: dict[str, Any]) -> Any:
    return {"description": state.profile.get(("description", str(p.get("language_code") or "")),
                                              "")}


@method("setMyShortDescription")
async def set_my_short_description(state: State, p: dict[str, Any]) -> Any:
    return _set_profile(state, p, "short_description")


@method("getMyShortDescription")
async def get_my_short_description(state: State, p: dict[str, Any]) -> Any:
    key = ("short_description", str(p.get("language_code") or ""))
    return {"short_description": state.profile.get(key, "")}


@method("getChat")
async def get_chat(state: State, p: dict[str, Any]) -> Any:
    return chat_full_json(state.chat(require(p, "chat_id")))
