"""Start-up faults seen from outside: `python -m bot` as a separate process (tests/test_cli.py).

Whatever goes wrong, no output holds the token (nor its secret half), and a mistake the
operator can fix is one plain line, no traceback: a bad api_base or a storage file that
cannot be used exit 2 (config mistakes), a server that is not the Bot API exits 1."""

from __future__ import annotations

import asyncio
import ctypes
import os
import socket
import sqlite3
import stat
import sys
from collections.abc import AsyncIterator, Callable, Iterator
from contextlib import asynccontextmanager, contextmanager
from pathlib import Path

import pytest
from aiohttp import web

from loopback import FakeTelegram
from tests.test_cli import ROOT, SECRET, TOKEN, Bot, _outputs, _prepare, launch, toml

pytestmark = pytest.mark.slow  # runs the bot as a subprocess

BAD_URL = "must be an http(s) URL like https://api.telegram.org"


def assert_no_token(bot: Bot) -> None:
    out = bot.output
    assert TOKEN not in out and SECRET not in out, out


def assert_plain(bot: Bot) -> str:
    """One line on stderr, nothing on stdout, no traceback, no token."""
    assert_no_token(bot)
    assert "Traceback" not in bot.output, bot.output
    said = bot.stderr.strip()
    assert len(said.splitlines()) == 1, bot.output
    return said


async def finished(bot: Bot) -> int:
    """The exit code. Several bots start at once here, each importing aiogram: on a busy
    machine that takes longer than Bot.exit_code's 30 s."""
    async with asyncio.timeout(120):
        return await bot.process.wait()


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
    return port


@asynccontextmanager
async def server(answer: Callable[[web.Request], web.Response]) -> AsyncIterator[str]:
    """A web server on 127.0.0.1 that is not the Bot API; yields its base URL."""
    async def handle(request: web.Request) -> web.Response:
        return answer(request)

    app = web.Application()
    app.router.add_route("*", "/{tail:.*}", handle)
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    try:
        yield f"http://127.0.0.1:{runner.addresses[0][1]}"
    finally:
        await runner.cleanup()


def html_echo(request: web.Request) -> web.Response:  # like a default 404 page
    return web.Response(status=404, content_type="text/html",
                        text=f"<html><body>No page at {request.path}</body></html>")


def json_echo(request: web.Request) -> web.Response:  # JSON, but not a Bot API answer
    return web.json_response({"path": request.path, "hello": "world"})


def json_not_found(request: web.Request) -> web.Response:  # a Bot API at another path
    return web.json_response({"ok": False, "error_code": 404, "description": "Not Found"},
                             status=404)


async def test_a_bad_api_base_is_one_plain_config_error(tmp_path: Path) -> None:
    """Before: aiohttp's InvalidUrlClientError quoted http://…/bot<TOKEN>/getMe."""
    db = tmp_path / "x.sqlite3"
    cases = {"no-scheme": "127.0.0.1:8081", "host-as-scheme": "localhost:8081",
             "ftp": "ftp://127.0.0.1/telegram", "port": "http://127.0.0.1:99999",
             "ipv6": "http://[::1", "no-host": "http://"}
    bots = {name: await launch(tmp_path / name, toml(base, db)) for name, base in cases.items()}
    codes = {name: await finished(bot) for name, bot in bots.items()}
    assert codes == dict.fromkeys(cases, 2), {n: b.output for n, b in bots.items()}
    for bot in bots.values():
        said = assert_plain(bot)
        assert "telegram.api_base" in said and BAD_URL in said, said
    assert not db.exists()


async def test_a_server_that_is_not_the_bot_api_is_named_not_quoted(tmp_path: Path) -> None:
    """Before: an uncaught ClientDecodeError whose text held the page, which echoed the
    request path and so the token."""
    for name, answer in (("html", html_echo), ("json", json_echo)):
        async with server(answer) as base:
            bot = await launch(tmp_path / name, toml(base, tmp_path / f"{name}.sqlite3"))
            assert await finished(bot) == 1, bot.output
        said = assert_plain(bot)
        host = base.removeprefix("http://")
        assert host in said and "/bot" not in said and "getMe" not in said, said
        assert "did not answer like the Bot API" in said and "telegram.api_base" in said, said


async def test_a_bot_api_refusal_at_start_is_one_line(tmp_path: Path) -> None:
    async with server(json_not_found) as base:
        bot = await launch(tmp_path / "run", toml(base, tmp_path / "n.sqlite3"))
        assert await finished(bot) == 1, bot.output
    said = assert_plain(bot)
    assert base in said and "Not Found" in said, said


async def test_no_start_up_error_prints_the_token(tmp_path: Path) -> None:
    """The cases of tests/test_cli.py and the network ones, all output grepped."""
    db = tmp_path / "x.sqlite3"
    async with FakeTelegram(token=TOKEN) as fake, \
            FakeTelegram(token="111:other-token-entirely") as other:
        cases: dict[str, tuple[str, str | None, int]] = {
            "no-token": (toml(fake.base_url, db), None, 2),
            "empty-token": (toml(fake.base_url, db), "", 2),
            "token-shape": (toml(fake.base_url, db), f"{SECRET} {TOKEN}", 2),
            "zone": (toml(fake.base_url, db, timezone='"Mars/Base"'), TOKEN, 2),
            "capacity": (toml(fake.base_url, db, offline_capacity="-1"), TOKEN, 2),
            "rejected": (toml(other.base_url, db), TOKEN, 2),
            # One try only: by default the bot keeps trying (tests/test_config_errors.py).
            "unreachable": (toml(f"http://127.0.0.1:{free_port()}", db).replace(
                "[storage]", "start_attempts = 1\n\n[storage]"), TOKEN, 1),
        }
        bots = {name: await launch(tmp_path / name, config, token)
                for name, (config, token, _) in cases.items()}
        codes = {name: await finished(bot) for name, bot in bots.items()}
    assert codes == {name: code for name, (_, _, code) in cases.items()}, \
        {n: b.output for n, b in bots.items()}
    for bot in bots.values():
        assert_plain(bot)
    assert "cannot reach the Bot API" in bots["unreachable"].stderr


SCRIPT = """
import asyncio, logging, sys, threading, warnings
from core.logs import guard_output, setup_logging

token = sys.argv[1]
guard_output(token)
setup_logging(token)
print("print:", token)
print("half:", token.partition(":")[2], file=sys.stderr)
warnings.warn(f"warning: {token}")
logging.getLogger("aiogram.event").error("logged: /bot%s/getMe", token)

def crash() -> None:
    raise RuntimeError(f"thread: /bot{token}/getUpdates")

thread = threading.Thread(target=crash)
thread.start()
thread.join()

async def fail() -> None:
    raise RuntimeError(f"task: /bot{token}/sendMessage")

async def main() -> None:
    asyncio.get_running_loop().call_exception_handler(
        {"message": f"handler: {token}", "exception": RuntimeError(token)})
    task = asyncio.ensure_future(fail())
    await asyncio.sleep(0.05)
    del task  # "Task exception was never retrieved", logged by asyncio

asyncio.run(main())
raise RuntimeError(f"uncaught: http://127.0.0.1/bot{token}/getMe")
"""


async def test_every_way_out_of_the_process_is_scrubbed(tmp_path: Path) -> None:
    """print, warnings, logging, a thread's and asyncio's exceptions, the final traceback."""
    out, err = _outputs(tmp_path)
    with out, err:
        process = await asyncio.create_subprocess_exec(
            sys.executable, "-c", SCRIPT, TOKEN, cwd=ROOT, stdin=asyncio.subprocess.DEVNULL,
            stdout=out, stderr=err)
    bot = Bot(process, tmp_path)
    assert await finished(bot) == 1, bot.output
    text = bot.output
    assert_no_token(bot)
    for marker in ("print:", "half:", "warning:", "logged:", "thread:", "task:", "handler:",
                   "uncaught:"):
        assert f"{marker} " in text, (marker, text)
    assert "Traceback" in text and text.count("<token>") >= 8, text


# --- storage ---------------------------------------------------------------------------

STORAGE_HINT = "[storage]"


async def launch_storage(folder: Path, db: Path, fake: FakeTelegram,
                         preexec: Callable[[], None] | None = None) -> Bot:
    path, env = _prepare(folder, toml(fake.base_url, db), TOKEN)
    env["REGBOT_STORAGE__PATH"] = str(db)
    out, err = _outputs(folder)
    with out, err:
        process = await asyncio.create_subprocess_exec(
            sys.executable, "-m", "bot", "--config", str(path), cwd=ROOT, env=env,
            stdin=asyncio.subprocess.DEVNULL, stdout=out, stderr=err, preexec_fn=preexec)
    return Bot(process, folder)


async def test_storage_that_cannot_be_used_is_one_plain_line(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    corrupt = data / "corrupt.sqlite3"
    noise = b"\x00garbage" + os.urandom(8192)  # never SQLite's 16-byte header
    corrupt.write_bytes(noise)
    text = data / "notes.sqlite3"
    text.write_text("these are my notes, not a database\n" * 50, "utf-8")
    folder = data / "folder.sqlite3"
    folder.mkdir()
    blocker = data / "blocker"
    blocker.write_text("a file where a folder should be", "utf-8")
    cases = {
        "corrupt": (corrupt, "not an SQLite database"),
        "text": (text, "not an SQLite database"),
        "folder": (folder, "it is a folder, not a file"),
        "parent-is-file": (blocker / "regbot.sqlite3", f"{blocker} is a file, not a folder"),
        "grandparent-is-file": (blocker / "sub" / "regbot.sqlite3",
                                f"{blocker} is a file, not a folder"),
        # A folder no one can make (the kernel's /proc): not a traceback either.
        "system-folder": (Path("/proc/regbot-nope/regbot.sqlite3"),
                          "the folder /proc/regbot-nope cannot be created"),
    }
    async with FakeTelegram(token=TOKEN) as fake:
        bots = {name: await launch_storage(tmp_path / name, db, fake)
                for name, (db, _) in cases.items()}
        codes = {name: await finished(bot) for name, bot in bots.items()}
        assert fake.requests == []
    assert codes == dict.fromkeys(cases, 2), {n: b.output for n, b in bots.items()}
    for name, (db, problem) in cases.items():
        said = assert_plain(bots[name])
        assert f"cannot use {db}:" in said and problem in said and STORAGE_HINT in said, said
    assert corrupt.read_bytes() == noise  # left as it was, for the operator to look at
    assert blocker.read_text("utf-8") == "a file where a folder should be"


@contextmanager
def without_root_powers() -> Iterator[Callable[[], None] | None]:
    """Root writes through any permission bits; the child drops CAP_DAC_OVERRIDE and
    CAP_DAC_READ_SEARCH from its bounding set so they count (the files belong to nobody)."""
    if os.geteuid() != 0:
        yield None
        return
    libc = ctypes.CDLL(None, use_errno=True)
    pr_capbset_drop, dac_override, dac_read_search = 24, 1, 2

    def drop() -> None:
        for cap in (dac_override, dac_read_search):
            if libc.prctl(pr_capbset_drop, cap, 0, 0, 0) != 0:
                raise OSError(ctypes.get_errno(), "prctl(PR_CAPBSET_DROP)")

    probe = os.fork()
    if probe == 0:  # can this container drop them at all?
        try:
            drop()
        except OSError:
            os._exit(1)
        os._exit(0)
    _, status = os.waitpid(probe, 0)
    if os.waitstatus_to_exitcode(status) != 0:
        pytest.skip("running as root and cannot drop CAP_DAC_OVERRIDE: permissions unenforced")
    yield drop


def give_to_nobody(path: Path) -> None:
    if os.geteuid() == 0:
        os.chown(path, 65534, 65534)


async def test_read_only_storage_is_explained(tmp_path: Path) -> None:
    existing = tmp_path / "ro" / "regbot.sqlite3"
    existing.parent.mkdir()
    with sqlite3.connect(existing) as conn:  # a real database, only not writable
        conn.execute("CREATE TABLE t (x)")
    conn.close()
    give_to_nobody(existing)
    existing.chmod(stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH)
    shut = tmp_path / "shut"  # the bot may not create files here
    shut.mkdir()
    give_to_nobody(shut)
    shut.chmod(0o555)
    cases = {"file": (existing, "the file is read-only"),
             "folder": (shut / "regbot.sqlite3", f"the folder {shut} is not writable")}
    try:
        with without_root_powers() as preexec:
            async with FakeTelegram(token=TOKEN) as fake:
                bots = {name: await launch_storage(tmp_path / name, db, fake, preexec)
                        for name, (db, _) in cases.items()}
                codes = {name: await finished(bot) for name, bot in bots.items()}
                assert fake.requests == []
    finally:
        shut.chmod(0o755)
        existing.chmod(0o644)
    assert codes == dict.fromkeys(cases, 2), {n: b.output for n, b in bots.items()}
    for name, (db, problem) in cases.items():
        said = assert_plain(bots[name])
        assert f"cannot use {db}:" in said and problem in said, said
        assert "write access" in said and STORAGE_HINT in said, said
    assert not (shut / "regbot.sqlite3").exists()
