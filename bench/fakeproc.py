"""`python -m bench.fakeproc`: the loopback Bot API in a process of its own,
with the simulated users, so the bot under test has the other core to itself.

Protocol: one JSON object per line. On start it prints {"base_url": ...}; then it reads
commands from stdin and answers each with one line ({"error": ...} on failure):
  {"cmd": "users", "first": F, "n": N}           create users F..F+N-1 (private chats)
  {"cmd": "polling"}                             wait until the bot's long poll is waiting
  {"cmd": "journey", "script": "register"|"echo", "first": F, "n": N, "patience": S}
        users F..F+N-1 all start at once; returns {"wall": s, "updates": n}
  {"cmd": "times", "method": M}                  receive times (monotonic) of M answered 200
  {"cmd": "stop"}
"""

from __future__ import annotations

import asyncio
import json
import sys
import time
from collections.abc import Awaitable, Callable
from typing import Any

from bench.steps import REGISTER, TOKEN, Step, echo_steps
from loopback import BotMessage, FakeTelegram
from loopback import registry as fake_registry
from loopback.state import CallbackQueryInfo, ChatState, State

Signals = dict[int, asyncio.Event]
Method = Callable[[State, dict[str, Any]], Awaitable[Any]]


def watch(signals: Signals) -> None:
    """Wake the user of a chat when the bot writes to it or answers its button press
    (an event per chat, instead of re-checking every waiting user on every request)."""
    for key, (name, handler) in list(fake_registry.METHODS.items()):
        fake_registry.METHODS[key] = (name, _signalling(handler, signals))


def _signalling(handler: Method, signals: Signals) -> Method:
    async def wrapped(state: State, params: dict[str, Any]) -> Any:
        try:
            return await handler(state, params)
        finally:
            chat = params.get("chat_id")
            if chat is None and "callback_query_id" in params:
                query = state.callbacks.get(str(params["callback_query_id"]))
                chat = query.chat_id if query else None
            if isinstance(chat, int) and (event := signals.get(chat)) is not None:
                event.set()
    return wrapped


def _matches(step: Step, message: BotMessage) -> bool:
    if step.button is not None:
        return any(step.button in label for label in message.buttons)
    return step.text is not None and step.text in message.plain_text


async def journey(fake: FakeTelegram, signals: Signals, user_id: int,
                  steps: tuple[Step, ...], patience: float) -> None:
    """One user's walk; each step waits (up to `patience` s) for the bot's answer to it."""
    user = fake.user(user_id)
    chat = fake.state.chats[user_id]
    event = signals.setdefault(user_id, asyncio.Event())
    for step in steps:
        mark = chat.seq
        event.clear()
        query = None
        if step.press and step.what.startswith("echo:"):
            query = fake.state.callbacks[await user.press_data(step.what)]
        else:
            await (user.press(step.what) if step.press else user.send(step.what))
        async with asyncio.timeout(patience):
            while not _answered(chat, step, mark, query):
                await event.wait()
                event.clear()


def _answered(chat: ChatState, step: Step, mark: int, query: CallbackQueryInfo | None) -> bool:
    """The echo bot answered the press; or the bot wrote what the step expects since `mark`."""
    if query is not None:
        return query.answer is not None
    return any(m.seq > mark and not m.deleted and _matches(step, m)
               for m in reversed(chat.bot_messages))


async def serve(fake: FakeTelegram, signals: Signals, cmd: dict[str, Any]) -> Any:
    kind = cmd["cmd"]
    if kind == "users":
        for user_id in range(cmd["first"], cmd["first"] + cmd["n"]):
            fake.user(user_id)
        return {"users": cmd["n"]}
    if kind == "polling":
        await fake.wait_until(lambda: fake.polling, timeout=cmd.get("timeout", 30))
        return {"polling": True}
    if kind == "journey":
        steps = REGISTER if cmd["script"] == "register" else echo_steps(REGISTER)
        users = range(cmd["first"], cmd["first"] + cmd["n"])
        started = time.perf_counter()
        await asyncio.gather(*(journey(fake, signals, u, steps, cmd.get("patience", 120))
                               for u in users))
        return {"wall": time.perf_counter() - started, "updates": len(users) * len(steps)}
    if kind == "times":
        return {"times": [r.at for r in fake.requests
                          if r.method == cmd["method"] and r.status == 200]}
    raise ValueError(f"unknown command {kind!r}")


async def main() -> None:
    signals: Signals = {}
    watch(signals)
    loop = asyncio.get_running_loop()
    reader = asyncio.StreamReader(limit=2**24)
    await loop.connect_read_pipe(lambda: asyncio.StreamReaderProtocol(reader), sys.stdin)
    async with FakeTelegram(token=TOKEN) as fake:
        _say({"base_url": fake.base_url})
        while line := await reader.readline():
            cmd = json.loads(line)
            if cmd["cmd"] == "stop":
                break
            try:
                _say(await serve(fake, signals, cmd))
            except Exception as exc:  # reported to the parent, which raises it
                _say({"error": f"{type(exc).__name__}: {exc}"})
    _say({"stopped": True})


def _say(reply: dict[str, Any]) -> None:
    sys.stdout.write(json.dumps(reply) + "\n")
    sys.stdout.flush()


if __name__ == "__main__":
    asyncio.run(main())
