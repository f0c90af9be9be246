"""FakeUser (private chat with the bot) and FakeGroup (a supergroup with the bot)."""

from __future__ import annotations

from typing import Any

from . import content as c
from .chatview import ChatView
from .models import Person
from .objects import user_json
from .state import ChatState, State


class FakeUser(ChatView):
    """A Telegram user; their private chat with the bot has chat id == user id."""

    def __init__(self, state: State, person: Person) -> None:
        chat = state.chats.get(person.id)
        if chat is None:
            chat = state.chats[person.id] = ChatState(person.id, "private", person=person)
        super().__init__(state, chat)
        self.person = person

    @property
    def id(self) -> int:
        return self.person.id

    @property
    def first_name(self) -> str:
        return self.person.first_name

    @property
    def username(self) -> str | None:
        return self.person.username

    @property
    def blocked(self) -> bool:
        return self.person.blocked

    def block(self) -> None:
        """The user blocks the bot: sends/edits to them fail with 403 until they write again."""
        self.person.blocked = True

    def unblock(self) -> None:
        self.person.blocked = False

    async def _send(self, content: dict[str, Any], line: str) -> int:
        self.person.blocked = False  # writing to a bot unblocks it, as in Telegram clients
        return await self._deliver(self.person, content, f"> {self.first_name}: {line}")

    async def send(self, text: str) -> int:
        """Send a text message; returns its message_id."""
        return await self._send(c.text_content(text), repr(text))

    async def forward(self, text: str, from_name: str = "Someone") -> int:
        """Forward someone else's text message to the bot."""
        date, _ = self._state.now()
        origin = {"type": "hidden_user", "sender_user_name": from_name, "date": date}
        content = {**c.text_content(text), "forward_origin": origin}
        return await self._send(content, f"(forwarded from {from_name}) {text!r}")

    async def edit(self, message_id: int, text: str) -> None:
        """Edit a message this user sent earlier."""
        await self._edit(self.person, message_id, text)

    async def send_contact(
        self, phone: str = "+77011234567", user_id: int | None = None, first_name: str | None = None
    ) -> int:
        """Share a contact; by default the user's own (user_id == self.id)."""
        owner = self.id if user_id is None else user_id
        name = first_name or (self.first_name if owner == self.id else "Contact")
        return await self._send(c.contact_content(phone, owner, name), f"(contact {phone})")

    async def send_sticker(self, emoji: str = "\N{THUMBS UP SIGN}") -> int:
        return await self._send(c.sticker_content(self._state, emoji), "(sticker)")

    async def send_photo(self, caption: str | None = None) -> int:
        return await self._send(c.photo_content(self._state, caption), "(photo)")

    async def send_voice(self, duration: int = 2) -> int:
        return await self._send(c.voice_content(self._state, duration), "(voice)")

    async def send_document(
        self,
        filename: str = "file.pdf",
        data: bytes = b"%PDF-1.4 fake",
        mime_type: str = "application/pdf",
        caption: str | None = None,
    ) -> int:
        payload = c.document_content(self._state, filename, data, mime_type, caption)
        return await self._send(payload, f"(document {filename})")

    async def send_location(self, latitude: float, longitude: float) -> int:
        return await self._send(c.location_content(latitude, longitude), "(location)")

    async def vote(self, option_ids: list[int], message_id: int | None = None) -> None:
        """Answer the bot's latest poll (or poll `message_id`); [] retracts the vote. Like
        Telegram, the bot hears of it (a poll_answer update) only for a non-anonymous poll."""
        polls = [m for m in self.messages if m.poll is not None
                 and (message_id is None or m.message_id == message_id)]
        if not polls:
            raise AssertionError(f"chat {self.chat_id}: no poll to vote in")
        poll = polls[-1].poll
        assert poll is not None
        if any(not 0 <= i < len(poll["options"]) for i in option_ids):
            raise AssertionError(f"no such option in {poll['options']}: {option_ids}")
        at = self._state.now()[1]
        self._mark(at, f"> {self.first_name} voted {option_ids} in poll {poll['id']}")
        if poll["is_anonymous"]:
            return
        self._state.enqueue("poll_answer", {"poll_id": poll["id"],
                                            "user": user_json(self.person),
                                            "option_ids": option_ids,
                                            "option_persistent_ids": [str(i) for i in option_ids]})
        await self._state.notify()

    async def share_users(self, label: str, users: list[FakeUser]) -> int:
        """Press the shown reply keyboard's request_users button ``label`` and pick
        ``users``: the bot gets a users_shared message with the button's request_id (and
        the names or usernames if the button asked for them)."""
        request = self._request_users(label)
        if request is None:
            raise AssertionError(f"no request_users button {label!r} in {self.keyboard}")
        if len(users) > request.get("max_quantity", 1) or not users:
            raise AssertionError(f"the button lets one pick 1-{request.get('max_quantity', 1)}")
        picked = []
        for user in users:
            item: dict[str, Any] = {"user_id": user.id}
            if request.get("request_name"):
                item["first_name"] = user.first_name
                if user.person.last_name:
                    item["last_name"] = user.person.last_name
            if request.get("request_username") and user.username:
                item["username"] = user.username
            picked.append(item)
        content = {"users_shared": {"request_id": request["request_id"], "users": picked}}
        names = ", ".join(u.first_name for u in users)
        return await self._send(content, f"(shared users: {names})")

    def _request_users(self, label: str) -> dict[str, Any] | None:
        """The request_users of the button ``label`` on the reply keyboard now shown."""
        shown: list[Any] = []
        for msg in self._chat.bot_messages:
            if msg.reply_keyboard and msg.reply_markup:
                shown = [b for row in msg.reply_markup.get("keyboard") or [] for b in row]
            elif msg.removes_keyboard:
                shown = []
        for button in shown:
            if isinstance(button, dict) and label in str(button.get("text", "")):
                found = button.get("request_users")
                return found if isinstance(found, dict) else None
        return None

    async def press(self, label: str) -> str:
        """Press the inline button labelled ``label`` (exact, else substring match) on the most
        recent bot message that has it; returns the callback query id."""
        self.person.blocked = False
        return await self._press(self.person, label)

    async def press_data(self, data: str, message_id: int | None = None) -> str:
        """A callback query with arbitrary data on message_id (default: the latest bot message)."""
        return await self._press_data(self.person, data, message_id)

    @property
    def callback_answers(self) -> list[dict[str, Any]]:
        """answerCallbackQuery params for this user's presses, in press order."""
        return self._answers(self.id)


class FakeGroup(ChatView):
    """A supergroup containing the bot; users write into it with ``group.send(user, text)``."""

    def __init__(self, state: State, chat_id: int, title: str, username: str | None = None) -> None:
        chat = state.chats.get(chat_id)
        if chat is None:
            chat = ChatState(chat_id, "supergroup", title=title, username=username)
            state.chats[chat_id] = chat
        super().__init__(state, chat)
        self.title = title

    async def send(self, user: FakeUser, text: str) -> int:
        line = f"> {user.first_name}: {text!r}"
        return await self._deliver(user.person, c.text_content(text), line)

    async def press(self, user: FakeUser, label: str) -> str:
        return await self._press(user.person, label)

    async def press_data(self, user: FakeUser, data: str, message_id: int | None = None) -> str:
        return await self._press_data(user.person, data, message_id)
