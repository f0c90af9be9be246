"""Decode Bot API request parameters from query string, JSON, urlencoded or multipart bodies."""

from __future__ import annotations

import json
import re
from typing import Any

from aiohttp import web
from aiohttp.web_request import FileField

from .models import UploadedFile

# Fields that are always strings even if they look like numbers/JSON.
TEXT_KEYS = frozenset(
    {
        "text", "caption", "parse_mode", "callback_query_id", "url", "description",
        "short_description", "name", "title", "query", "data", "inline_message_id",
        "language_code", "action", "emoji", "business_connection_id", "message_effect_id",
        "phone_number", "first_name", "last_name", "vcard", "address", "question",
        "explanation", "secret_token", "ip_address", "file_id", "custom_title", "sticker",
        "photo", "document", "voice", "audio", "video", "animation", "video_note", "thumbnail",
        "certificate", "switch_pm_text", "switch_pm_parameter", "next_offset", "format",
    }
)  # fmt: skip
_INT = re.compile(r"-?\d+")
_FLOAT = re.compile(r"-?\d+\.\d*(?:[eE][-+]?\d+)?")


def coerce(key: str, value: str) -> Any:
    """Form fields arrive as strings; aiogram JSON-encodes non-strings. Undo that."""
    if key in TEXT_KEYS:
        return value
    if value in ("true", "false"):
        return value == "true"
    if _INT.fullmatch(value):
        return int(value)
    if _FLOAT.fullmatch(value):
        return float(value)
    if value[:1] in ("{", "["):
        try:
            return json.loads(value)
        except ValueError:
            return value
    return value


async def read_params(request: web.Request) -> dict[str, Any]:
    """All parameters of a request; ``attach://name`` references become UploadedFile."""
    params: dict[str, Any] = {k: coerce(k, v) for k, v in request.query.items()}
    files: dict[str, UploadedFile] = {}
    if request.content_type == "application/json":
        body = await request.json()
        if isinstance(body, dict):
            params.update(body)
    elif request.can_read_body:
        form = await request.post()
        for key, value in form.items():
            if isinstance(value, FileField):
                files[key] = UploadedFile(
                    filename=value.filename,
                    content=value.file.read(),
                    content_type=value.content_type,
                )
            elif isinstance(value, str):
                params[key] = coerce(key, value)
            else:
                params[key] = bytes(value).decode()
    for key, value in list(params.items()):
        if isinstance(value, str) and value.startswith("attach://"):
            ref = value.removeprefix("attach://")
            if ref in files:
                params[key] = files.pop(ref)
    params.update(files)  # files uploaded directly under the parameter name
    return params
