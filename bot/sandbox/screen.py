"""What the sandbox prints: each bot message to the person you act as, as it arrives
(text without markup, then its buttons numbered), and one line for the others' news."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

from loopback import BotMessage, FakeUser
from storage.private import create_file, make_folders

PHOTO_ENDINGS = (".png", ".jpg", ".jpeg", ".webp")


@dataclass(frozen=True)
class Button:
    label: str
    data: str | None = None  # an inline button's callback data
    url: str | None = None
    reply: bool = False  # a reply-keyboard button: pressing it sends its text
    contact: bool = False  # ... or shares the phone number


@dataclass
class Person:
    """Someone you can act as, and what of their chat you have seen."""

    user: FakeUser
    label: str  # "participant 1", "organiser"
    switch: str  # the command that becomes them
    seen: int = 0  # chat write counter (BotMessage.seq) printed up to
    noticed: int = 0  # ... or announced up to
    texts: dict[int, tuple[str, list[Button]]] = field(default_factory=dict)  # as printed
    buttons: tuple[int, list[Button]] | None = None  # latest numbered: message id, buttons

    def latest_seq(self) -> int:
        return max((m.seq for m in self.user.messages), default=0)

    def fresh(self, since: int) -> list[BotMessage]:
        return sorted((m for m in self.user.messages if m.seq > since), key=lambda m: m.seq)


def buttons_of(message: BotMessage) -> list[Button]:
    found = [Button(str(b.get("text", "")), b.get("callback_data"), b.get("url"))
             for b in message.inline_buttons]
    rows = (message.reply_markup or {}).get("keyboard") or []
    for row in rows:
        for b in row:
            if isinstance(b, str):
                found.append(Button(b, reply=True))
            else:
                found.append(Button(str(b.get("text", "")), reply=True,
                                    contact=bool(b.get("request_contact"))))
    return found


def save(folder: Path, name: str, content: bytes) -> Path:
    """A file the bot sent, written to `folder` so it can be opened: under its own name
    (without any folder part), or name-2.ext when a file of that name with other bytes is
    there already (two people's passes, a kept folder from an earlier session)."""
    base = Path(name.replace("\\", "/")).name
    if base in ("", ".", ".."):
        base = "file"
    stem, suffix = Path(base).stem, Path(base).suffix
    make_folders(folder)  # 0700: the files are people's passes and lists
    path, number = folder / base, 1
    while path.exists() and not (path.is_file() and path.read_bytes() == content):
        number += 1
        path = folder / f"{stem}-{number}{suffix}"
    if create_file(path):  # 0600
        path.write_bytes(content)
    return path


class Screen:
    def __init__(self, out: TextIO, files: Path) -> None:
        self.out = out
        self.files = files  # where the documents and photos the bot sends are saved
        self.people: dict[str, Person] = {}
        self.current: Person | None = None
        self.prompt_shown = False

    def say(self, text: str) -> None:
        if self.prompt_shown:
            self.out.write("\n")
            self.prompt_shown = False
        self.out.write(text + "\n")
        self.out.flush()

    def prompt(self) -> str:
        return f"{self.current.label if self.current else 'sandbox'}> "

    def show_prompt(self) -> None:
        self.out.write(self.prompt())
        self.out.flush()
        self.prompt_shown = True

    def _mark(self, person: Person) -> int:
        # For you: what was printed; for the others: what was announced.
        return person.seen if person is self.current else person.noticed

    def has_news(self) -> bool:
        return any(p.latest_seq() > self._mark(p) for p in self.people.values())

    def refresh(self) -> None:
        """Print what is new for the current person; one line per other person with news."""
        prompt_was_shown = self.prompt_shown
        printed = False
        for person in self.people.values():
            latest = person.latest_seq()
            if latest <= self._mark(person):
                continue
            if person is self.current:
                for message in person.fresh(person.seen):
                    printed |= self._show(person, message)
                person.seen = latest
            else:
                unread = len({m.message_id for m in person.fresh(person.seen) if not m.deleted})
                if unread:
                    noun = "message" if unread == 1 else "messages"
                    self.say(f"({unread} new {noun} for {person.label}: {person.switch} to read)")
                    printed = True
            person.noticed = latest
        if printed and prompt_was_shown:
            self.show_prompt()

    def _show(self, person: Person, message: BotMessage) -> bool:
        if message.deleted:
            person.texts.pop(message.message_id, None)
            if person.buttons and person.buttons[0] == message.message_id:
                person.buttons = None
            return False
        buttons = buttons_of(message)
        before = person.texts.get(message.message_id)
        now = (message.plain_text, buttons)
        if before == now:
            return False
        person.texts[message.message_id] = now
        lines: list[str] = []
        if before is None:
            lines.append("-- bot:")
        elif before[0] == message.plain_text:
            lines.append("-- bot (edited: buttons)" + ("" if buttons else ": no buttons now"))
        else:
            lines.append("-- bot (edited):")
        if before is None or before[0] != message.plain_text:
            if message.document is not None:
                name, content = message.document
                kind = "photo" if name.lower().endswith(PHOTO_ENDINGS) else "file"
                saved = self._saved(name, content)
                lines.append(f"({kind}: {name}, {len(content)} bytes, {saved})")
            if message.plain_text:
                lines.append(message.plain_text)
            if message.poll is not None:  # answered with /vote N
                lines.append("(poll: " + ", ".join(
                    f"{n}) {o}" for n, o in enumerate(message.poll["options"], 1))
                    + "; answer with /vote N)")
        if buttons:
            lines.append(numbered(buttons))
            person.buttons = (message.message_id, buttons)
        elif _outdated(person.buttons, message):
            person.buttons = None
        self.say("\n".join(lines))
        return True

    def _saved(self, name: str, content: bytes) -> str:
        try:
            return f"saved to {save(self.files, name, content)}"
        except OSError as exc:  # e.g. a full disk: the chat goes on without the file
            return f"not saved: {exc.strerror or exc}"


def _outdated(buttons: tuple[int, list[Button]] | None, message: BotMessage) -> bool:
    """The numbered buttons are gone: their message lost them, or a reply keyboard was
    taken away."""
    if buttons is None:
        return False
    message_id, shown = buttons
    return message_id == message.message_id or (message.removes_keyboard and shown[0].reply)


def numbered(buttons: list[Button]) -> str:
    def one(number: int, button: Button) -> str:
        extra = " (link)" if button.url else ""  # pressing it shows the address
        return f"[{number}] {button.label}{extra}"

    return "  ".join(one(n, b) for n, b in enumerate(buttons, 1))
