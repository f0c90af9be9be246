"""Payloads of messages a fake user sends (text, contact, media, location)."""

from __future__ import annotations

from typing import Any

from .models import Person, UploadedFile
from .objects import command_entities
from .state import State


def text_content(text: str) -> dict[str, Any]:
    content: dict[str, Any] = {"text": text}
    if entities := command_entities(text):
        content["entities"] = entities
    return content


def contact_content(phone: str, user_id: int | None, first_name: str) -> dict[str, Any]:
    contact: dict[str, Any] = {"phone_number": phone, "first_name": first_name}
    if user_id is not None:
        contact["user_id"] = user_id
    return {"contact": contact}


def _file(state: State, prefix: str, name: str, content: bytes, mime: str) -> dict[str, Any]:
    file_id = state.add_file(UploadedFile(name, content, mime), prefix)
    return {"file_id": file_id, "file_unique_id": f"u{file_id}"}


def sticker_content(state: State, emoji: str) -> dict[str, Any]:
    sticker = _file(state, "CAACAgIAAx-", "sticker.webp", b"RIFF", "image/webp") | {
        "type": "regular",
        "width": 512,
        "height": 512,
        "is_animated": False,
        "is_video": False,
        "emoji": emoji,
    }
    return {"sticker": sticker}


def photo_content(state: State, caption: str | None) -> dict[str, Any]:
    sizes = [
        _file(state, "AgACAgIAAx-", "photo.jpg", b"\xff\xd8", "image/jpeg")
        | {"width": side, "height": side, "file_size": side * 10}
        for side in (90, 320, 800)
    ]
    content: dict[str, Any] = {"photo": sizes}
    if caption:
        content["caption"] = caption
    return content


def voice_content(state: State, duration: int) -> dict[str, Any]:
    voice = _file(state, "AwACAgIAAx-", "voice.ogg", b"OggS", "audio/ogg")
    return {"voice": voice | {"duration": duration, "mime_type": "audio/ogg", "file_size": 4}}


def document_content(
    state: State, filename: str, data: bytes, mime: str, caption: str | None
) -> dict[str, Any]:
    file_id = state.add_file(UploadedFile(filename, data, mime))
    document = {
        "file_id": file_id,
        "file_unique_id": f"u{file_id}",
        "file_name": filename,
        "mime_type": mime,
        "file_size": len(data),
    }
    content: dict[str, Any] = {"document": document}
    if caption:
        content["caption"] = caption
    return content


def location_content(latitude: float, longitude: float) -> dict[str, Any]:
    return {"location": {"latitude": latitude, "longitude": longitude}}


def display_name(person: Person) -> str:
    return person.username or person.first_name
